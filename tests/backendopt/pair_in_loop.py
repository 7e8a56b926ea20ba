# A function returning a pair and a method-less class instance, both made in a loop and carried
# around it: at --opt=2 the calls are inlined and every allocation is gone from the loop (the
# objects' fields are loop variables); the output is unchanged.
# run: rpp translate --stop-after=backendopt --opt=2 --dump=backendopt --interp %s
# check: graph @run(Signed) -> Signed {
# not: malloc
# not: direct_call
# check: graph @Vec.__init__(
# check: 17857
# stderr-check: backendopt: {{[0-9]+}} calls inlined, 3 mallocs removed


class Vec(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def step(a, b):
    return (b, (a + b) & 0xFFFF)


def advance(v, d):
    return Vec(v.x + d, v.y - d)


def run(n):
    a = 0
    b = 1
    v = Vec(0, 0)
    i = 0
    while i < n:
        a, b = step(a, b)
        v = advance(v, a & 7)
        i += 1
    return a + b + v.x + v.y


def entry_point(argv):
    print(run(300000 * len(argv)))
    return 0


def target(driver, args):
    return entry_point
