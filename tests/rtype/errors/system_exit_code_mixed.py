# `e.code` of a SystemExit needs one type for the whole program: exits with an int code and
# exits without one (None) make reading it a located error (the exits themselves are fine:
# tests/e2e/system_exit_mixed.py).
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_code_mixed.py:{{[0-9]+}}:{{[0-9]+}}: error: e.code of a SystemExit has no single type in this program
# stderr-check: str(e) works in every case
# stderr-not: internal error
import sys


def leave(n):
    if n > 3:
        sys.exit()
    raise SystemExit(n)


def entry_point(argv):
    try:
        leave(len(argv))
    except SystemExit as e:
        return e.code
    return 0
