# A value whose type has no low-level representation yet is reported where it is made.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: no_representation.py:12:10: error: values of type StringBuilder have no low-level representation yet
# stderr-nextln:     sb = StringBuilder()
# stderr-check: call chain: entry_point
# stderr-not: terminate called
from rpython.rlib.rstring import StringBuilder


def size(s):
    sb = StringBuilder()
    sb.append(s)
    return len(sb.build())


def entry_point(argv):
    return size(argv[0])
