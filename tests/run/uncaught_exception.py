# An uncaught exception prints a traceback and `Cls: msg` as the last line of stderr; exit 1.
# run: rpp run %s
# same-as: python3
# exit: 1
# stdout: start
# stderr-check: Traceback (most recent call last):
# stderr-check: in inner
# stderr-nextln: raise BadInput("no such thing: %d" % n)
# stderr-nextln: BadInput: no such thing: 42
# stderr-not: _rpp
import sys


class BadInput(Exception):
    pass


def inner(n):
    raise BadInput("no such thing: %d" % n)


def entry_point(argv):
    print("start")
    inner(42)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
