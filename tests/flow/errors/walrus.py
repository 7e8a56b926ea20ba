# Assignment expressions are not RPython.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: walrus.py:6:9: error: assignment expressions (:=) are not RPython: assign in a statement of its own
def f(argv):
    if (n := len(argv)) > 1:
        return n
    return 0

def entry_point(argv):
    return f(argv)
