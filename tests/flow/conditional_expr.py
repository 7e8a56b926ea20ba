# A conditional expression is a switch whose branches meet.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x, a, b)
# nextln: block0(v0, v1, v2):
# nextln: v3 = gt(v0, 0)
# nextln: switch v3
# nextln: False -> return(v2)
# nextln: True -> return(v1)
def f(x, a, b):
    return a if x > 0 else b

def entry_point(argv):
    return f(len(argv), 1, 2)
