# isinstance() of a prebuilt object and a class folds (the class of an object never changes); of a variable it is an operation.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = isinstance(v0, <class B>)
# nextln: switch v1
# nextln: False -> return(1)
# nextln: True -> return(2)
class A(object):
    pass

class B(A):
    pass

PREBUILT = B()

def f(x):
    if isinstance(PREBUILT, A):
        r = 1
    else:
        r = 2
    if isinstance(x, B):
        r += 1
    return r

def entry_point(argv):
    return f(A())
