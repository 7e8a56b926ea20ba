# A class body with a loop is not RPython (constant assignments and defs are fine).
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: class_body.py:20:9: error: class 'Table' ({{.*}}class_body.py:10:5) has a 'for' loop in its body: class bodies may contain only defs and constant assignments
class Table(object):
    _immutable_fields_ = ['items[*]']
    SIZE = 4
    def __init__(self):
        self.items = [0] * self.SIZE
    for i in range(3):
        pass

class Fine(object):
    X = 1
    def get(self):
        return self.X

def entry_point(argv):
    Fine().get()
    t = Table()
    return 0
