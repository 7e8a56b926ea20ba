# eval inside translated code is not RPython.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: eval_call.py:6:12: error: 'eval' inside translated code is not RPython
def f(s):
    return eval(s)

def entry_point(argv):
    f(argv[0])
    return 0
