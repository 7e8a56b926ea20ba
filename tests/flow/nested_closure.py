# A nested function closing over a constant: the closure cell is folded into its graph; its default is bound at the call.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph outer(x)
# nextln: block0(v0):
# nextln: v1 = simple_call(<function outer.<locals>.inner>, v0, 1)
# check: graph outer.<locals>.inner(v, offset)
# nextln: block0(v0, v1):
# nextln: v2 = mul(v0, 6)
# nextln: v3 = add(v2, v1)
SCALE = 3

def outer(x):
    k = SCALE * 2
    def inner(v, offset=1):
        return v * k + offset
    return inner(x)

def entry_point(argv):
    return outer(len(argv))
