# try/except with several clauses, a tuple of classes and `as e`: getitem and the call inside the try get exception links, dispatched by issubtype in clause order.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(d, k)
# check: v2 = getitem(v0, v1)
# nextln: exitswitch last_exception
# nextln: normal -> block1(v0, v1, v2)
# nextln: except <class IndexError> as v3, v4 -> block2(v0, v1, <class IndexError>, v4)
# nextln: except <class KeyError> as v5, v6 -> block2(v0, v1, <class KeyError>, v6)
# nextln: except <class Exception> as v7, v8 -> block2(v0, v1, v7, v8)
# check: v12 = simple_call(<function g>, v11)
# nextln: exitswitch last_exception
# check: v19 = issubtype(v17, <class KeyError>)
# check: True -> return(-1)
# check: v24 = issubtype(v22, <class IndexError>)
# check: v29 = issubtype(v27, <class MyError>)
# check: v34 = issubtype(v32, <class Exception>)
# nextln: switch v34
# nextln: False -> except(v32, v33)
class MyError(Exception):
    pass

def g(x):
    return x

def f(d, k):
    try:
        v = g(d[k])
    except KeyError:
        v = -1
    except (IndexError, MyError) as e:
        v = -2
    except Exception:
        v = -3
    return v

def entry_point(argv):
    return f({1: 2}, 1)
