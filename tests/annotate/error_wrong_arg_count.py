# The wrong number of arguments in a method call (Python's message).
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_wrong_arg_count.py:14:12: error: A.m() missing 1 required positional argument: 'y'
# stderr-nextln: return a.m(1)
# stderr-check: call chain: entry_point

class A(object):
    def m(self, x, y):
        return x + y

def entry_point(argv):
    a = A()
    return a.m(1)
