# A method called on something that may be None because of an explicit None (here: a function
# that returns None on one path); the error points at that None.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_method_on_none.py:22:12: error: calling the method 'm' on A or None, which may be None
# stderr-nextln: return a.m()
# stderr-check: note: narrow it first: `if x is not None:` or `assert x is not None`
# stderr-check: error_method_on_none.py:18:5: note: the None comes from here
# stderr-nextln: return None

class A(object):
    def m(self):
        return 1

def make(n):
    if n > 1:
        return A()
    return None

def entry_point(argv):
    a = make(len(argv))
    return a.m()
