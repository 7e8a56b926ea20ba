# `del` of a name is not RPython (del of an item is fine).
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: del_name.py:8:9: error: 'del' of a name is not RPython: assign None to 'x' instead
def f(lst):
    del lst[0]
    x = 1
    del x
    return 0

def entry_point(argv):
    return f(argv)
