# for over zip().
# run: rpp translate --stop-after=flow --dump=flow %s
# check: v2 = simple_call(<class zip>, v0, v1)
# nextln: v3 = iter(v2)
# check: v8 = next(v7)
# check: v26 = mul(v24, v25)
def dot(a, b):
    s = 0
    for x, y in zip(a, b):
        s += x * y
    return s

def entry_point(argv):
    return dot([1, 2], [3, 4])
