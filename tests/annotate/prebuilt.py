# Prebuilt constants from module globals: instances (their attributes feed the class's),
# lists and dicts, memoized by identity (the same object is one definition everywhere).
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph lookup(name: str) -> Op or None
# check: : builtin method get of dict[str, Op] = getattr(<dict object #{{[0-9]+}}>, 'get')
# check: graph Op.apply(self: Op, a: nonneg int, b: int = 2) -> nonneg int
# check: : char = getattr({{v[0-9]+}}, 'symbol')
# check: graph first() -> Op

class Op(object):
    def __init__(self, name, symbol):
        self.name = name
        self.symbol = symbol
    def apply(self, a, b):
        if self.symbol == "+":
            return a + b
        return a * b

ADD = Op("add", "+")
MUL = Op("mul", "*")
OPS = [ADD, MUL]
BY_NAME = {"add": ADD, "mul": MUL}

class Registry(object):
    def _freeze_(self):
        return True
    table = BY_NAME

REGISTRY = Registry()

def lookup(name):
    return REGISTRY.table.get(name, None)

def first():
    return OPS[0]

def entry_point(argv):
    op = lookup(argv[0])
    if op is not None:
        print(op.apply(len(argv), 2))
    print(first().name)
    return 0
