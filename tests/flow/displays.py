# Tuple, list and dict displays; a tuple of constants is a constant.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(a, b)
# nextln: block0(v0, v1):
# nextln: v2 = newtuple(v0, v1)
# nextln: v3 = newlist(v0, v1, 3)
# nextln: v4 = newdict()
# nextln: v5 = setitem(v4, v0, v1)
# nextln: v6 = setitem(v4, 'k', 1)
# nextln: v7 = newtuple(v2, v3, v4, (1, 'two', None))
def f(a, b):
    t = (a, b)
    l = [a, b, 3]
    d = {a: b, "k": 1}
    c = (1, "two", None)
    return t, l, d, c

def entry_point(argv):
    f(1, 2)
    return 0
