# SystemExit with int codes, as CPython: `raise SystemExit(n)`, `sys.exit(n)` and a subclass of
# SystemExit are caught with `e.code` the int and str(e) its decimal form; `except ValueError`
# lets it through, `finally` runs; uncaught, the last one ends the process with status n & 0xFF.
import sys


class Quit(SystemExit):
    pass


def leave(kind, n):
    if kind == 0:
        raise SystemExit(n)
    if kind == 1:
        sys.exit(n)
    if kind == 2:
        raise Quit(n * 2)
    return n


def describe(kind, n):
    try:
        leave(kind, n)
    except Quit as q:
        print("Quit", q.code, str(q), isinstance(q, SystemExit))
        return q.code + 1
    except SystemExit as e:
        print("SystemExit", e.code, "[" + str(e) + "]", f"{e}")
        return e.code * 10
    return -1


def through_finally(n):
    try:
        try:
            leave(1, n)
        except ValueError:
            print("not reached")
    finally:
        print("finally", n)
    return 0


def entry_point(argv):
    n = len(argv)
    total = 0
    for kind in range(4):
        r = describe(kind, n + kind)
        print("kind", kind, "->", r)
        total += r
    try:
        through_finally(-7)
    except BaseException as e:
        print("caught as BaseException:", str(e), isinstance(e, SystemExit))
    made = SystemExit(n + 41)
    print("made, not raised:", made.code, str(made))
    print("total", total)
    raise SystemExit(256 + n + 2)
