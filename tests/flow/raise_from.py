# raise ... from e inside an except clause: int() can raise ValueError only (a builtin).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph parse(s)
# check: v1 = simple_call(<class int>, v0)
# nextln: exitswitch last_exception
# nextln: normal -> return(v1)
# nextln: except <class ValueError> as v2, v3 -> block1(v0, v3)
# check: v7 = simple_call(<class RuntimeError>, v6)
# nextln: goto except(<class RuntimeError>, v7)
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("not a number: " + s) from e

def entry_point(argv):
    return parse(argv[0])
