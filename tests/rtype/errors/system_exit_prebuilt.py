# A SystemExit made at import time would lose its exit status: a located error.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_prebuilt.py:{{[0-9]+}}:{{[0-9]+}}: error: {{.*}}a prebuilt SystemExit
# stderr-check: is not supported: raise SystemExit(code) or call sys.exit(code) where it is needed
# stderr-not: internal error
EXIT = SystemExit(2)


def entry_point(argv):
    if len(argv) > 0:
        raise EXIT
    return 0
