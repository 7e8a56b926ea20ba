# SystemExit with str codes and without a code, as CPython: `e.code` is the message or None,
# str(e) the message or ""; `sys.exit()`, `sys.exit(None)`, `SystemExit()` and `raise SystemExit`
# have no code. Uncaught, a message ends the process with status 1 and the message on stderr.
import sys


def leave(kind, text):
    if kind == 0:
        sys.exit(text)
    if kind == 1:
        raise SystemExit("bad " + text)
    if kind == 2:
        sys.exit()
    if kind == 3:
        sys.exit(None)
    if kind == 4:
        raise SystemExit()
    if kind == 5:
        raise SystemExit
    return kind


def describe(kind, text):
    try:
        leave(kind, text)
    except SystemExit as e:
        code = e.code
        if code is None:
            print(kind, "no code, str(e) = [" + str(e) + "]")
        else:
            print(kind, "code", code, len(code), "str(e) = [" + str(e) + "]")
        return 1
    return 0


def entry_point(argv):
    n = 0
    for kind in range(7):
        n += describe(kind, "level " + str(len(argv) + kind))
    print("caught", n)
    try:
        sys.exit("unicode é €")
    except SystemExit as e:
        print(e.code, str(e))
    sys.exit("fatal: stopping after " + str(n))
