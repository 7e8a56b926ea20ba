# Raising SystemExit directly is a located error (its exit status would be lost): sys.exit(code)
# raises it with its code.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_direct.py:{{[0-9]+}}:{{[0-9]+}}: error: SystemExit(...) is not supported: use sys.exit(code)
# stderr-not: internal error


def entry_point(argv):
    if len(argv) > 1:
        raise SystemExit(3)
    return 0
