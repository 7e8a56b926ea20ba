# Graphs keep their function's rlib flags (elidable, dont_look_inside, unroll_safe, ...); the
# dump shows them after the signature.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph lookup(table, key) [elidable]
# check: graph slow_path(x) [dont_look_inside]
# check: graph walk(items) [unroll_safe]
from rpython.rlib import jit

@jit.elidable
def lookup(table, key):
    return table[key]

@jit.dont_look_inside
def slow_path(x):
    return x * 2

@jit.unroll_safe
def walk(items):
    n = 0
    for x in items:
        n += x
    return n

def entry_point(argv):
    lookup({1: 2}, 1)
    slow_path(3)
    walk([1])
    return 0
