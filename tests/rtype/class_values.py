# Classes as values: cls() through the vtable's instantiate, class attributes read through a
# class variable, prebuilt instances as static data, None-able instances, __init__ defaults.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &inst_Config: Config {
# check: graph @entry_point(
# check: getfield({{.*}}, "instantiate")
# nextln: indirect_call({{.*}}, [@Times.instantiate, @Plus.instantiate])
# check: getfield({{.*}}, "c_symbol")
# check: graph @Times.instantiate() -> Ptr(object) {
class Op(object):
    symbol = "?"
    weight = 0

    def __init__(self):
        self.count = 0

    def apply(self, a, b):
        return 0


class Plus(Op):
    symbol = "+"
    weight = 1

    def apply(self, a, b):
        return a + b


class Times(Op):
    symbol = "*"
    weight = 2

    def apply(self, a, b):
        return a * b


class Config(object):
    def __init__(self, scale, name):
        self.scale = scale
        self.name = name
        self.next = None


CONFIG = Config(10, "default")
CONFIG.next = Config(20, "second")


def pick(k):
    if k:
        return Plus
    return Times


def find(c, name):
    while c is not None:
        if c.name == name:
            return c
        c = c.next
    return None


def entry_point(argv):
    n = len(argv)
    for k in (0, 1):
        cls = pick(k)
        op = cls()
        op.count += 1
        print(cls.symbol, cls.weight, op.apply(n + 2, 3), op.count)
    print(CONFIG.scale, CONFIG.name, CONFIG.next.scale, find(CONFIG, "second").scale, find(CONFIG, "x") is None)
    return 0
