# `is` between ints, floats or strs is not RPython (`is None` is fine).
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: is_int.py:8:8: error: 'is' between ints, floats or strs is not RPython: use '==' (or '!=')
def f(x):
    if x is None:
        return 0
    if x is 1:
        return 1
    return 2

def entry_point(argv):
    return f(len(argv))
