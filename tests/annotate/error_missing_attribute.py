# An attribute that no class in the hierarchy defines (never assigned, no class attribute).
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_missing_attribute.py:17:12: error: no class in the hierarchy of B defines the attribute 'y'
# stderr-nextln: return a.y
# stderr-check: note: it is never assigned on an instance nor defined in a class body of: B, A
# stderr-check: call chain: entry_point ({{.*}}error_missing_attribute.py:20) -> get

class A(object):
    def __init__(self):
        self.x = 1

class B(A):
    pass

def get(a):
    return a.y

def entry_point(argv):
    return get(B())
