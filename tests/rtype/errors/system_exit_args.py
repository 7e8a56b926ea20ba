# SystemExit takes at most one argument, its code (CPython's code of SystemExit(1, 2) is the
# tuple (1, 2)); a float code is rejected too: located errors.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_args.py:{{[0-9]+}}:{{[0-9]+}}: error: SystemExit() takes at most one positional argument, its code, in RPython
# stderr-not: internal error


def entry_point(argv):
    if len(argv) > 1:
        raise SystemExit(1, 2)
    return 0
