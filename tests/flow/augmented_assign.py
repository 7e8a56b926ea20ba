# Augmented assignments to names, attributes and items (inplace_* operations).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(box, items, x)
# check: v3 = inplace_add(v2, 1)
# nextln: v4 = inplace_mul(v3, 2)
# nextln: v5 = getattr(v0, 'n')
# nextln: v6 = inplace_add(v5, v4)
# nextln: v7 = setattr(v0, 'n', v6)
# nextln: v8 = getitem(v1, 0)
# nextln: v9 = inplace_sub(v8, v4)
# nextln: v10 = setitem(v1, 0, v9)
class Box(object):
    def __init__(self):
        self.n = 0

def f(box, items, x):
    x += 1
    x *= 2
    box.n += x
    items[0] -= x
    return x

def entry_point(argv):
    return f(Box(), [1], len(argv))
