# Methods: instantiation flows __init__; a method called on an instance waits for the annotator; a method read from the class is a constant function.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph entry_point(argv)
# nextln: block0(v0):
# nextln: v1 = simple_call(<class Counter>, 1)
# nextln: v2 = getattr(v1, 'incr')
# nextln: v3 = simple_call(v2, 2)
# nextln: v4 = simple_call(<function Counter.incr>, v1, 3)
# check: graph Counter.__init__(self, start)
# check: graph Counter.incr(self, by)
class Counter(object):
    def __init__(self, start):
        self.value = start

    def incr(self, by):
        self.value += by
        return self.value

def entry_point(argv):
    c = Counter(1)
    c.incr(2)
    Counter.incr(c, 3)
    return 0
