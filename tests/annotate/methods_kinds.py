# staticmethod, classmethod (called on the class and on an instance), read-only property,
# class attributes as constants, and `cls()` on a variable holding classes.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: : nonneg int = getattr({{v[0-9]+}}, 'double_sides')
# check: : method Shape.create = getattr(
# check: graph build(c: bool) -> Shape
# check: graph Shape.unit() -> int = 1
# check: graph Shape.double_sides(self: Shape) -> nonneg int
# check: graph Shape.create(cls: type (subclass of Shape)) -> Shape

class Shape(object):
    sides = 0
    @staticmethod
    def unit():
        return 1
    @classmethod
    def create(cls):
        return cls()
    @property
    def double_sides(self):
        return self.sides * 2

class Triangle(Shape):
    sides = 3

class Square(Shape):
    sides = 4

def build(c):
    if c:
        k = Triangle
    else:
        k = Square
    return k()

def entry_point(argv):
    s = build(len(argv) > 1)
    print(Shape.unit(), s.double_sides, Triangle.create().sides, s.create().sides)
    return 0
