# if on a constant global flows one branch only.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = inplace_add(v0, 10)
# nextln: goto return(v1)
# not: print
DEBUG = False
LEVEL = 2

def f(x):
    if DEBUG:
        print("debug", x)
    if LEVEL > 1:
        x += 10
    return x

def entry_point(argv):
    return f(len(argv))
