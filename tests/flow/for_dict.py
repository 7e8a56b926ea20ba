# for over a dict (its keys) and over d.items() (a method call, then unpacking).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph total(d)
# check: v1 = iter(v0)
# check: v12 = getitem(v8, v10)
# check: v16 = getattr(v14, 'items')
# nextln: v17 = simple_call(v16)
# nextln: v18 = iter(v17)
# check: v22 = next(v21)
def total(d):
    s = 0
    for key in d:
        s += d[key]
    for k, v in d.items():
        s += v
    return s

def entry_point(argv):
    return total({'a': 1})
