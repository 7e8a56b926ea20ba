# sys.exit() takes an int, a str or None: a float code is a located error.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_float.py:{{[0-9]+}}:{{[0-9]+}}: error: sys.exit() needs an int exit code, a message (a str) or None
# stderr-not: internal error
import sys


def entry_point(argv):
    if len(argv) > 1:
        sys.exit(1.5)
    return 0
