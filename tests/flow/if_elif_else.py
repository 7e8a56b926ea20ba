# if/elif/else: one switch per test; the constant branches meet at return.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph sign(x)
# nextln: block0(v0):
# nextln: v1 = gt(v0, 0)
# nextln: switch v1
# nextln: False -> block1(v0)
# nextln: True -> return(1)
# nextln: block1(v2):
# nextln: v3 = lt(v2, 0)
# nextln: switch v3
# nextln: False -> return(0)
# nextln: True -> return(-1)
def sign(x):
    if x > 0:
        r = 1
    elif x < 0:
        r = -1
    else:
        r = 0
    return r

def entry_point(argv):
    return sign(len(argv) - 2)
