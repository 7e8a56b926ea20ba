"""A function returning a pair, called in a loop: after inlining and malloc removal at --opt=2 no
allocation is left in the loop (bench/backendopt/README.md)."""


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
    # The number of iterations is the first argument (default 300000).
    n = 300000
    if len(argv) > 1:
        n = int(argv[1])
    print(run(n))
    return 0


def target(driver, args):
    return entry_point
