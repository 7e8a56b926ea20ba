# ovfcheck(a + b) is add_ovf, which raises OverflowError.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph add(a, b)
# nextln: block0(v0, v1):
# nextln: v2 = add_ovf(v0, v1)
# nextln: exitswitch last_exception
# nextln: normal -> return(v2)
# nextln: except <class OverflowError> as v3, v4 -> return(-1)
from rpython.rlib.rarithmetic import ovfcheck

def add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1

def entry_point(argv):
    return add(len(argv), 1)
