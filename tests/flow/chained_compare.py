# lo <= x < hi: the middle operand once, the second comparison only when the first holds.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph between(lo, x, hi)
# nextln: block0(v0, v1, v2):
# nextln: v3 = le(v0, v1)
# nextln: switch v3
# nextln: False -> return(v3)
# nextln: True -> block1(v1, v2)
# nextln: block1(v4, v5):
# nextln: v6 = lt(v4, v5)
# nextln: goto return(v6)
def between(lo, x, hi):
    return lo <= x < hi

def entry_point(argv):
    between(0, len(argv), 5)
    return 0
