# for over range(): iter, then next() with its StopIteration link at the loop head.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(n)
# check: v1 = simple_call(<class range>, v0)
# nextln: v2 = iter(v1)
# check: block1(v3, v4, v5):
# nextln: v6 = next(v5)
# nextln: exitswitch last_exception
# nextln: normal -> block2(v3, v4, v6, v5)
# nextln: except <class StopIteration> as v7, v8 -> return(v4)
# check: v13 = inplace_add(v10, v11)
# nextln: goto block1(v9, v13, v12)
def f(n):
    s = 0
    for i in range(n):
        s += i
    return s

def entry_point(argv):
    return f(len(argv))
