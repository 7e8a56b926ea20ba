# rlib specializations: argtype (one graph per argument type), arg (one per constant value, the
# constant seen inside), memo (computed at translation time), call_location (one per call site).
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: : int = 2 = simple_call(<function size_of>, <class Small>)
# check: : int = 200 = simple_call(<function size_of>, <class Big>)
# check: graph describe__int(x: int) -> str
# check: graph describe__str(x: str) -> str
# check: graph scale__2(x: nonneg int, factor: int = 2) -> nonneg int
# check: graph scale__3(x: nonneg int, factor: int = 3) -> nonneg int
# check: graph where__site0(x: nonneg int) -> nonneg int
# check: graph where__site1(x: nonneg int) -> nonneg int
from rpython.rlib.objectmodel import specialize

@specialize.argtype(0)
def describe(x):
    return "<" + str(x) + ">"

@specialize.arg(1)
def scale(x, factor):
    if factor == 2:
        return x + x
    return x * factor

class Small(object):
    size = 1

class Big(object):
    size = 100

@specialize.memo()
def size_of(cls):
    return cls.size * 2

@specialize.call_location()
def where(x):
    return x

def entry_point(argv):
    n = len(argv)
    print(describe(n - 1), describe(argv[0]))
    print(scale(n, 2), scale(n, 3))
    cls = Small
    if n > 3:
        cls = Big
    print(size_of(cls))
    where(n)
    where(n)
    return 0
