# Functions as values: a dispatch table of functions in a tuple (function pointers of one
# signature, called by indirect_call with the set of graphs), a function passed as an argument,
# bound methods stored and called later, a tuple returned and unpacked.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @apply(Ptr(Func(Signed, Signed) -> Signed), Signed, Signed) -> Signed {
# check: indirect_call({{.*}}, [@add, @sub, @mul])
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


OPS = (add, sub, mul)


def apply(f, a, b):
    return f(a, b)


def pick(k):
    if k == 0:
        return add
    if k == 1:
        return sub
    return mul


class Counter(object):
    def __init__(self):
        self.n = 0

    def bump(self, by):
        self.n += by
        return self.n


def divmod_pair(a, b):
    return a // b, a % b


def entry_point(argv):
    n = len(argv) + 6
    for f in OPS:
        print(apply(f, n, 3))
    k = 0
    while k < 3:
        print(apply(pick(k), n, k + 1))
        k += 1
    c = Counter()
    m = c.bump
    m(2)
    m(5)
    q, r = divmod_pair(n * 10, 3)
    print(c.n, q, r)
    return 0
