# Tuple unpacking: a, b = b, a swaps without a tuple; x, y = pair checks the length.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(pair, a, b)
# check: v3 = len(v0)
# nextln: v4 = eq(v3, 2)
# check: except(<class ValueError>
# check: v9 = getitem(v6, 0)
# nextln: v10 = getitem(v6, 1)
# nextln: v11 = add(v9, v10)
# nextln: v12 = add(v11, v8)
# nextln: v13 = sub(v12, v7)
# not: newtuple
def f(pair, a, b):
    a, b = b, a
    x, y = pair
    return x + y + a - b

def entry_point(argv):
    return f((1, 2), 3, 4)
