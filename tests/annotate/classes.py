# Classes: instances of a class definition, methods bound on read, a method family over a
# hierarchy (one call site, several implementations), attributes placed on the class that uses
# them, __init__ called on instantiation.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph entry_point
# check: : Shape = simple_call(<function make>
# check: : methods {Circle.area, Square.area} = getattr({{v[0-9]+}}, 'area')
# check: : float = simple_call(
# check: graph Circle.area(self: Circle) -> float
# check: graph Square.area(self: Square) -> float

class Shape(object):
    def describe(self):
        return self.name

class Square(Shape):
    def __init__(self, side):
        self.name = "square"
        self.side = side
    def area(self):
        return self.side * self.side

class Circle(Shape):
    def __init__(self, r):
        self.name = "circle"
        self.r = r
    def area(self):
        return 3.14 * self.r * self.r

def make(n):
    if n > 1:
        return Square(float(n))
    return Circle(1.0)

def entry_point(argv):
    s = make(len(argv))
    print(s.describe(), s.area())
    return 0
