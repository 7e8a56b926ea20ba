# Calls of a constant function with keywords and defaults are bound at flow time: every parameter, in order.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph entry_point(argv)
# nextln: block0(v0):
# nextln: v1 = simple_call(<function area>, 3, 2, 1)
# nextln: v2 = simple_call(<function area>, 3, 2, 2)
# nextln: v3 = simple_call(<function area>, 1, 5, 1)
# check: graph area(width, height, scale)
# check: graph make()
# nextln: block0():
# nextln: v0 = simple_call(<class Point>, 1, 0, 5)
# not: call_args
def area(width, height=2, *, scale=1):
    return width * height * scale

def entry_point(argv):
    area(3)
    area(3, scale=2)
    area(height=5, width=1)
    make()
    return 0

class Point(object):
    def __init__(self, x, y=0, *, z=1):
        self.x = x

def make():
    return Point(1, z=5)
