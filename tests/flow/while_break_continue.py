# while with continue, break and else: the loop head merges, else runs on normal exit only.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(n)
# nextln: block0(v0):
# nextln: goto block1(v0, 0, 0)
# nextln: block1(v1, v2, v3):
# nextln: v4 = lt(v2, v1)
# nextln: switch v4
# nextln: False -> return(-1)
# check: v9 = eq(v8, 3)
# check: True -> block1(v5, v8, v7)
# check: v13 = gt(v11, 10)
# check: True -> return(v12)
# check: goto block1(v14, v15, v17)
def f(n):
    i = 0
    total = 0
    while i < n:
        i += 1
        if i == 3:
            continue
        if i > 10:
            break
        total += i
    else:
        total = -1
    return total

def entry_point(argv):
    return f(len(argv))
