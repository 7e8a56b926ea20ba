# exec inside translated code is not RPython (module-level exec is fine).
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: exec_call.py:9:5: error: 'exec' inside translated code is not RPython: generate the code at import time
exec("def made(x):\n    return x + 1\n")

def f(x):
    made(x)
    exec("y = 1")
    return x

def entry_point(argv):
    return f(1)
