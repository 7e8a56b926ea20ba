# `except E as e` deletes e at the end of the clause: the e = 5 before is gone, so nothing passes it on.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = simple_call(<function g>, v0)
# nextln: exitswitch last_exception
# nextln: normal -> return(v0)
# nextln: except <class BaseException> as v2, v3 -> block1(v0, v2, v3)
# nextln: block1(v4, v5, v6):
def g(x):
    return x

def f(x):
    e = 5
    try:
        g(x)
    except ValueError as e:
        pass
    return x

def entry_point(argv):
    return f(len(argv))
