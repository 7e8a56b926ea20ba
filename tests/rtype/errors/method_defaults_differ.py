# The same for a method with several implementations whose defaults differ.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: method_defaults_differ.py:{{[0-9]+}}:{{[0-9]+}}: error: the call leaves 1 argument(s) to default values, but the functions it may reach ({{.*}}) differ in their parameters or default values
# stderr-not: internal error


class Shape(object):
    def scale(self, k=2):
        return k


class Square(Shape):
    def scale(self, k=3):
        return k * k


def make(n):
    if n > 1:
        return Square()
    return Shape()


def entry_point(argv):
    print(make(len(argv)).scale())
    return 0
