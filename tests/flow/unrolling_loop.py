# A for loop over an unrolling_iterable is unrolled: one test per item, the items constants.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph step(name, x)
# nextln: block0(v0, v1):
# nextln: v2 = eq(v0, 'add')
# check: v5 = eq(v3, 'sub')
# check: v8 = add(v7, -1)
# check: v11 = add(v10, 1)
# not: next(
from rpython.rlib.unroll import unrolling_iterable

OPS = unrolling_iterable([("add", 1), ("sub", -1)])

def step(name, x):
    for opname, delta in OPS:
        if name == opname:
            return x + delta
    return x

def entry_point(argv):
    return step(argv[0], 1)
