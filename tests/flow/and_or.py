# and/or are control flow: each operand is tested once on each path.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(a, b, c)
# nextln: block0(v0, v1, v2):
# nextln: v3 = bool(v0)
# nextln: switch v3
# check: v11 = bool(v8)
# nextln: switch v11
# nextln: False -> return(v10)
# nextln: True -> return(v8)
# check: v15 = bool(v13)
def f(a, b, c):
    if a and b or c:
        return 1
    return a or c

def entry_point(argv):
    f(len(argv), 1, 0)
    return 0
