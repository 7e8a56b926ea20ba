# instantiate, hashes, enforceargs, inlining markers, newlist_hint.
# run: rpp run %s
# same-as: python3
# stdout: True False 0
# stdout: 42 -1 0 True
# stdout: True True
# stdout: True
# stdout: TypeError identity
# stdout: 5 abc
# stdout: TypeError: f() argument 'x' must be int, not str
# stdout: TypeError: g() argument 'items' must be [int], not list
# stdout: (int, str) (None, float)
# stdout: 3.0 None
# stdout: TypeError count
# stdout: True try True True
# stdout: [] 0
# stdout: ok
import sys
from rpython.rlib.objectmodel import (instantiate, compute_hash, compute_identity_hash,
                                      compute_unique_id, enforceargs, always_inline, try_inline,
                                      dont_inline, not_rpython, newlist_hint, resizelist_hint,
                                      keepalive_until_here)


class Node(object):
    def __init__(self):
        self.initialized = True


@enforceargs(int, str)
def f(x, s):
    return "%d %s" % (x, s)


@enforceargs(items=[int])
def g(items):
    return len(items)


@enforceargs(None, float, typecheck=False)
def h(a, b):
    return b


@always_inline
def small():
    return 1


@try_inline
def maybe():
    return 2


@dont_inline
def big():
    return 3


@not_rpython
def setup():
    return 4


def name_of(t):
    return t.__name__ if t is not None else "None"


def entry_point(argv):
    n = instantiate(Node)
    print(isinstance(n, Node), hasattr(n, "initialized"), compute_hash(None))
    print(compute_hash(42), compute_hash(-1), compute_hash(2 ** 64), compute_hash(2 ** 63) < 0)
    print(compute_hash("abc") == compute_hash("ab" + "c"), compute_hash((1, "a")) == compute_hash((1, "a")))
    a = Node()
    print(compute_identity_hash(a) == compute_identity_hash(a) and compute_unique_id(a) == id(a))
    try:
        compute_identity_hash(5)
    except TypeError:
        print("TypeError identity")
    print(f(5, "abc"))
    try:
        f("5", "abc")
    except TypeError as e:
        print("TypeError: %s" % e)
    try:
        g([1, "x"])
    except TypeError as e:
        print("TypeError: %s" % e)
    print("(%s, %s)" % tuple([name_of(t) for t in f._annenforceargs_]),
          "(%s, %s)" % tuple([name_of(t) for t in h._annenforceargs_]))
    print(h(None, 3.0), keepalive_until_here(a, n))
    assert g([1, 2]) == 2 and g([]) == 0
    try:
        @enforceargs(int)
        def two(a, b):
            return a
    except TypeError:
        print("TypeError count")
    print(small._always_inline_, maybe._always_inline_, big._dont_inline_, setup._not_rpython_)
    lst = newlist_hint(10)
    resizelist_hint(lst, 20)
    print(lst, len(lst))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
