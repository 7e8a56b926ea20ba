# for over a list, with an else clause run when the loop ends normally.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(items)
# check: v5 = next(v4)
# check: except <class StopIteration> as v6, v7 -> block3(v2, v3)
# check: block3(v13, v14):
# nextln: v15 = inplace_add(v14, 100)
# nextln: goto return(v15)
def f(items):
    s = 0
    for x in items:
        s += x
    else:
        s += 100
    return s

def entry_point(argv):
    return f([1, 2, 3])
