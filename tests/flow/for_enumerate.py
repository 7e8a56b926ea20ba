# for over enumerate(): a call of the builtin class, then unpacking of each pair.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: v1 = simple_call(<class enumerate>, v0)
# nextln: v2 = iter(v1)
# check: v20 = getitem(v19, 0)
# nextln: v21 = getitem(v19, 1)
# nextln: v22 = mul(v20, v21)
def f(items):
    s = 0
    for i, x in enumerate(items):
        s += i * x
    return s

def entry_point(argv):
    return f([4, 5])
