# Zero-argument super() in a method: the parent's method is a constant, called with self.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph Square.__init__(self, side)
# nextln: block0(v0, v1):
# nextln: v2 = simple_call(<function Shape.__init__>, v0, 'square')
# nextln: v3 = setattr(v0, 'side', v1)
# check: graph Shape.__init__(self, name)
class Shape(object):
    def __init__(self, name):
        self.name = name

class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side

def entry_point(argv):
    Square(3)
    return 0
