# Set literals are not RPython: the message says to use a dict.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: set_literal.py:6:12: error: set literals are not RPython: use a dict with the elements as keys
def f(a, b):
    seen = {a, b}
    return len(seen)

def entry_point(argv):
    return f(1, 2)
