# x.__class__.__name__ and cls() on a variable holding classes (instantiate too).
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph make(k: classes {A, B}) -> Base
# check: graph name_of(x: Base) -> str
# check: : type (subclass of Base) = getattr({{v[0-9]+}}, '__class__')
from rpython.rlib.objectmodel import instantiate

class Base(object):
    pass

class A(Base):
    pass

class B(Base):
    pass

def name_of(x):
    return x.__class__.__name__

def make(k):
    return k()

def entry_point(argv):
    k = A
    if len(argv) > 2:
        k = B
    print(name_of(make(k)), name_of(instantiate(k)))
    return 0
