# KeyError of a tuple key carries CPython's message; an r_dict whose eq raises inside d[k] = v,
# d[k] and `k in d` lets the caller catch it; sort / sorted / min / max of lists of chars and of
# bools; default arguments of method calls (one method, and several through the vtable);
# prebuilt dicts with tuple keys and prebuilt r_dicts (hashes computed at translation time).
from rpython.rlib.objectmodel import r_dict


class Boom(Exception):
    pass


def key_eq(a, b):
    if a == "boom" or b == "boom":
        raise Boom("eq on boom")
    return a == b


def key_hash(a):
    return len(a)


def name_eq(a, b):
    return a.lower() == b.lower()


def name_hash(a):
    return len(a) * 31 + ord(a.lower()[0])


MOVES = {(0, 1): "north", (1, 0): "east", (0, -1): "south", (-1, 0): "west"}
NESTED = {(2, ("x", True)): "odd", (3, ("yz", False)): "even"}
NAMES = r_dict(name_eq, name_hash)
NAMES["Alice"] = 1
NAMES["bob"] = 2
GRID = {(x, y): x * 10 + y for x in range(4) for y in range(4)}


class Shape(object):
    def __init__(self, name):
        self.name = name

    def describe(self, prefix="shape", times=1):
        return prefix + ":" + self.name * times


class Square(Shape):
    def describe(self, prefix="shape", times=1):
        return "[" + prefix + "]" + self.name * times


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def entry_point(argv):
    n = len(argv)
    d = {(1, "a"): 1, (2, "b"): 2}
    try:
        print(d[(n, "b")])
    except KeyError as e:
        print("KeyError:", str(e))
    try:
        del d[(3, "c'" + str(n))]
    except KeyError as e:
        print("KeyError:", str(e))

    r = r_dict(key_eq, key_hash)
    r["abcd"] = 1
    for k in ["boom", "abcd"]:
        try:
            r[k] = 2
            print("set", k, r[k])
        except Boom as e:
            print("setitem raised", str(e))
        try:
            print("get", r[k])
        except Boom as e:
            print("getitem raised", str(e))
        try:
            print("in", k in r)
        except Boom as e:
            print("contains raised", str(e))

    chars = [c for c in "rpython" * n]
    chars.sort()
    print("".join(chars), "".join(sorted(chars, reverse=True)), min(chars), max(chars))
    flags = [n > 2, True, False, n == 1, False]
    print(sorted(flags), min(flags), max(flags))
    flags.sort(reverse=True)
    print(flags)

    shapes = [Shape("o"), Square("#")]
    if n > 5:
        shapes.append(Shape("x"))
    for s in shapes:
        print(s.describe(), s.describe("p"), s.describe("q", 3))
    print(shapes[0].describe(), scaled(n), scaled(n, 3), scaled(n, 3, 1))

    print(MOVES[(0, n)], MOVES[(-n, 0)], (n, 1) in MOVES, NESTED[(2, ("x", n == 1))], len(MOVES))
    print(NAMES["ALICE"], NAMES["Bob"], "carol" in NAMES, GRID[(n, 2)], GRID[(3, 3)])
    NAMES["Carol"] = 3
    MOVES[(n, n)] = "diagonal"
    print(NAMES["CAROL"], MOVES[(1, 1)], len(NAMES), len(MOVES))
    return 0
