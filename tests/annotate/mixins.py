# A mixin copied into a class with import_from_mixin: its methods become the class's own.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph Counter.__init__(self: Counter) -> None
# check: graph CountingMixin.bump(self: Counter) -> nonneg int
from rpython.rlib.objectmodel import import_from_mixin

class CountingMixin(object):
    def bump(self):
        self.count += 1
        return self.count

class Counter(object):
    import_from_mixin(CountingMixin)
    def __init__(self):
        self.count = 0

def entry_point(argv):
    c = Counter()
    c.bump()
    print(c.bump())
    return 0
