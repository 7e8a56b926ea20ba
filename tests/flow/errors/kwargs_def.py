# **kwargs is not RPython: the error points at the parameter.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: kwargs_def.py:5:17: error: '**options' is not RPython: name the keyword arguments the function takes
def configure(**options):
    return 0

def entry_point(argv):
    return configure(verbose=1)
