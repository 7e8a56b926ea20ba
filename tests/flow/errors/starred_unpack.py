# Starred unpacking of unknown length is not RPython.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: starred_unpack.py:6:12: error: starred unpacking of unknown length is not RPython: index the items you need
def f(items):
    first, *rest = items
    return first

def entry_point(argv):
    f(argv)
    return 0
