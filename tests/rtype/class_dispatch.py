# Instances and classes: a GcStruct chain with typeptr; methods overridden in subclasses are
# called through the vtable (dynamic dispatch); isinstance is a class-id range check (two compares);
# class attributes that subclasses redefine live in the vtable; type(x) is C compares vtables.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: gcstruct Shape {
# nextln:   super: object
# check: gcstruct Square {
# nextln:   super: Shape
# check: struct Shape_vtable {
# nextln:   super: object_vtable
# check: m_area: Ptr(Func(Ptr(Shape)) -> Signed) immutable
# check: c_corners: Signed immutable
# check: graph @total(Ptr(Shape)) -> Signed {
# check: getfield({{.*}}, "m_area")
# check: indirect_call(
# check: int_between(
class Shape(object):
    corners = 0

    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def describe(self):
        return self.corners * 100 + self.area()


class Square(Shape):
    corners = 4

    def area(self):
        return self.size * self.size


class Triangle(Shape):
    corners = 3

    def area(self):
        return self.size * self.size // 2


class RightTriangle(Triangle):
    def area(self):
        return Triangle.area(self) + 1


def total(s):
    n = s.area() + s.describe()
    if isinstance(s, Triangle):
        n += 1000
    if type(s) is Square:
        n += 10000
    return n


def make(k, size):
    if k == 0:
        return Square(size)
    if k == 1:
        return Triangle(size)
    if k == 2:
        return RightTriangle(size)
    return Shape(size)


def entry_point(argv):
    for_k = len(argv) - 1
    k = 0
    while k < 4:
        s = make(k, k + 3 + for_k)
        print(s.__class__.__name__, total(s), s.corners, isinstance(s, Shape), isinstance(s, RightTriangle))
        k += 1
    return 0
