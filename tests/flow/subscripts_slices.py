# Subscripts and slices: getitem, getslice (None for a missing bound), setitem, setslice, delitem.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(lst, s)
# nextln: block0(v0, v1):
# nextln: v2 = getitem(v0, 1)
# nextln: v3 = getslice(v1, 1, 3)
# nextln: v4 = getslice(v1, None, 2)
# nextln: v5 = setitem(v0, 0, v2)
# nextln: v6 = newlist(v2)
# nextln: v7 = setslice(v0, 1, 2, v6)
# nextln: v8 = delitem(v0, 0)
def f(lst, s):
    a = lst[1]
    b = s[1:3]
    c = s[:2]
    lst[0] = a
    lst[1:2] = [a]
    del lst[0]
    return b + c

def entry_point(argv):
    f([1, 2, 3], "abcd")
    return 0
