# Assignments of constants fold: b = a * 3 + 1 is the constant 7.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = add(v0, 7)
# nextln: goto return(v1)
# not: mul
def f(x):
    a = 2
    b = a * 3 + 1
    c = x + b
    return c

def entry_point(argv):
    return f(len(argv))
