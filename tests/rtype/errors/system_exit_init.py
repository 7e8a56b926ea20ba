# A subclass of SystemExit with its own __init__ would lose its code: a located error.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: system_exit_init.py:{{[0-9]+}}:{{[0-9]+}}: error: a subclass of SystemExit with its own __init__ is not supported
# stderr-not: internal error


class Stop(SystemExit):
    def __init__(self, why):
        self.why = why


def entry_point(argv):
    if len(argv) > 1:
        raise Stop("arguments")
    return 0
