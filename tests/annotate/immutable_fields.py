# _immutable_fields_: `consts[*]` makes the list read through that field one that is never
# resized (so it can be a fixed array), `x?` is quasi-immutable; _immutable_ classes.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph Code.get(self: Code, i: int) -> nonneg int
# check: : list[nonneg int; fixed, must not resize, immutable] = getattr({{v[0-9]+}}, 'consts')

class Code(object):
    _immutable_fields_ = ['consts[*]', 'name', 'version?']
    def __init__(self, consts, name):
        self.consts = consts
        self.name = name
        self.version = 0
    def get(self, i):
        return self.consts[i]

class Point(object):
    _immutable_ = True
    def __init__(self, x):
        self.x = x

def entry_point(argv):
    c = Code([1, 2, 3], "main")
    p = Point(c.get(len(argv) - 1))
    return p.x
