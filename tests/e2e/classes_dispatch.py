# Classes: inheritance, overridden methods called through the vtable, isinstance by class-id
# ranges, class attributes that vary by class, super() calls, instances in tuples.
class Shape(object):
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0.0
    def describe(self):
        return self.name + " with " + str(self.sides) + " sides, area " + str(self.area())

class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h * 1.0

class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = "square"

class Triangle(Shape):
    sides = 3
    def __init__(self, b, h):
        super().__init__("triangle")
        self.b = b
        self.h = h
    def area(self):
        return self.b * self.h / 2

def make(i):
    if i % 3 == 0:
        return Square(i + 1)
    if i % 3 == 1:
        return Rect(i, i + 2)
    return Triangle(i, 3)

def entry_point(argv):
    rects = 0
    for i in range(7):
        s = make(i)
        print(s.describe())
        if isinstance(s, Rect):
            rects += 1
        if isinstance(s, Square):
            print("  a square")
    print("rects:", rects)
    pair = (make(1), make(2))
    print(pair[0].area() + pair[1].area())
    return 0
