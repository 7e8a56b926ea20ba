# with: __exit__ and __enter__ looked up, __exit__ called on the normal path and on the exception path, where a true result suppresses the exception.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(lock, x)
# check: v2 = getattr(v0, '__exit__')
# nextln: v3 = getattr(v0, '__enter__')
# nextln: v4 = simple_call(v3)
# nextln: v5 = simple_call(<function g>, v1)
# nextln: exitswitch last_exception
# check: v13 = simple_call(v12, None, None, None)
# check: v20 = simple_call(v17, v18, v19, None)
# nextln: v21 = bool(v20)
# nextln: switch v21
# nextln: False -> except(v18, v19)
# nextln: True -> return(0)
class Lock(object):
    def __enter__(self):
        return self
    def __exit__(self, typ, value, tb):
        return False

def g(x):
    return x

def f(lock, x):
    y = 0
    with lock as l:
        y = g(x)
    return y

def entry_point(argv):
    return f(Lock(), len(argv))
