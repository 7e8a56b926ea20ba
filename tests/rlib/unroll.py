# unrolling_iterable iterates like a tuple; loops over it may mix item types.
# run: rpp run %s
# same-as: python3
# stdout: 3
# stdout: add 7
# stdout: sub -1
# stdout: mul 12
# stdout: 5 ['a', 'b', 'c', 1, 2]
# stdout: 12
# stdout: ok
import sys
from rpython.rlib.unroll import unrolling_iterable


def op_add(a, b):
    return a + b


def op_sub(a, b):
    return a - b


def op_mul(a, b):
    return a * b


OPS = unrolling_iterable([("add", op_add), ("sub", op_sub), ("mul", op_mul)])
MIXED = unrolling_iterable(["a", "b", "c"]) + unrolling_iterable([1, 2])


def dispatch(name, a, b):
    for opname, func in OPS:
        if opname == name:
            return func(a, b)
    raise ValueError(name)


def entry_point(argv):
    print(len(OPS))
    for name in ["add", "sub", "mul"]:
        print(name, dispatch(name, 3, 4))
    print(len(MIXED), [x for x in MIXED])
    total = 0
    for _ in range(2):        # iterating twice gives the same items
        for opname, func in OPS:
            total += func(2, 1)
    print(total)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
