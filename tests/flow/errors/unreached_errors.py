# Errors in code live code never reaches are not reported: a function never called, and a
# branch that constant folding removes.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph entry_point(argv)
# not: graph never_called
from rpython.rlib.objectmodel import we_are_translated

DEBUG = False

def never_called():
    global x
    x = {1, 2}
    return eval("x")

def entry_point(argv):
    if DEBUG:
        exec("print(1)")
    if not we_are_translated():
        del argv
    return 0
