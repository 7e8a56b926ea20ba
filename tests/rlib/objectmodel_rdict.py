# r_dict uses the given eq and hash functions; it keeps insertion order.
# run: rpp run %s
# same-as: python3
# stdout: 3
# stdout: one ONE
# stdout: True True False
# stdout: ['One', 'two', 'Three']
# stdout: [1, 2, 3]
# stdout: KeyError
# stdout: 2 ['One', 'Three']
# stdout: default
# stdout: 3 [('One', 1), ('Three', 3), ('four', 4)]
# stdout: ('four', 4) 2
# stdout: eq calls > 0: True
# stdout: 7 7 0
# stdout: 1
# stdout: ok
import sys
from rpython.rlib.objectmodel import r_dict, compute_hash

eq_calls = [0]


def ci_eq(a, b):
    eq_calls[0] += 1
    return a.lower() == b.lower()


def ci_hash(a):
    return compute_hash(a.lower())


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def point_eq(p, q):
    return p.x == q.x and p.y == q.y


def point_hash(p):
    return p.x * 1000003 ^ p.y


def entry_point(argv):
    d = r_dict(ci_eq, ci_hash)
    d["One"] = 1
    d["two"] = 2
    d["Three"] = 3
    d["ONE"] = 1        # same key: keeps the first key object and its position
    print(len(d))
    print("one" in d and "one", "ONE" if d["oNe"] == 1 else "?")
    print("TWO" in d, "three" in d, "four" in d)
    print(d.keys())
    print(d.values())
    try:
        d["missing"]
    except KeyError:
        print("KeyError")
    del d["TWO"]
    print(len(d), [k for k in d])
    print(d.get("nope", "default"))
    d.setdefault("four", 4)
    d.setdefault("FOUR", 44)
    print(len(d), d.items())
    item = d.popitem()
    print(item, len(d))
    print("eq calls > 0:", eq_calls[0] > 0)
    pts = r_dict(point_eq, point_hash)
    pts[Point(1, 2)] = 7
    print(pts[Point(1, 2)], pts.get(Point(1, 2), 0), pts.get(Point(2, 1), 0))
    c = pts.copy()
    c.pop(Point(1, 2))
    print(len(pts) - len(c))
    assert pts.key_eq is point_eq and pts.key_hash is point_hash
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
