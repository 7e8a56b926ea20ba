# Module-level code is full Python run once at import: tables and exec-made functions.
# run: rpp run %s
# same-as: python3
# stdout: 7 3 10 2
import sys

OPS = {}
for _name, _sym in [("add", "+"), ("sub", "-"), ("mul", "*"), ("floordiv", "//")]:
    exec("def op_%s(a, b):\n    return a %s b\n" % (_name, _sym))
    OPS[_name] = globals()["op_" + _name]

SQUARES = [i * i for i in range(10)]


def entry_point(argv):
    print(OPS["add"](3, 4), OPS["sub"](5, 2), OPS["mul"](5, 2), OPS["floordiv"](SQUARES[3], 4))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
