# try/finally: the finally body runs on the normal, return and exception paths (once each).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# check: v1 = simple_call(<function g>, v0)
# nextln: exitswitch last_exception
# check: except <class BaseException> as v2, v3 -> except(v2, v3)
# check: v9 = inplace_add(v8, 1)
# nextln: goto return(v9)
# check: v13 = inplace_add(v11, 1)
# nextln: goto return(v12)
def g(x):
    return x

def f(x):
    n = 0
    try:
        n = g(x)
        if n > 5:
            return n
    finally:
        n += 1
    return n

def entry_point(argv):
    return f(len(argv))
