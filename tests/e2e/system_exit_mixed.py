# A program whose exits pass ints, messages and no code at all: `e.code` has no single type and
# is never read, but str(e) is CPython's for each, and the uncaught SystemExit's status is.
import sys


def leave(kind, n):
    if kind == 0:
        sys.exit(n)
    if kind == 1:
        sys.exit("message " + str(n))
    if kind == 2:
        sys.exit()
    if kind == 3:
        raise SystemExit(n * 3)
    if kind == 4:
        raise SystemExit("direct " + str(n))
    raise SystemExit()


def entry_point(argv):
    n = len(argv)
    for kind in range(6):
        try:
            leave(kind, n + kind)
        except SystemExit as e:
            print(kind, "[" + str(e) + "]")
    if n > 2:
        sys.exit("too many arguments")
    if n > 0:
        sys.exit()
    return 3
