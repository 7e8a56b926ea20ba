# return with and without a value; falling off the end returns None.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# check: False -> return(None)
# nextln: True -> return(v0)
# check: graph g()
# nextln: block0():
# nextln: goto return(None)
def f(x):
    if x:
        return x
    return None

def g():
    pass

def entry_point(argv):
    f(argv)
    g()
    return 0
