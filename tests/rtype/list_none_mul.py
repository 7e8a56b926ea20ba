# [None] * n stored where a list of instances is expected: the annotator generalizes the result's
# items only, so the rtyper makes n null items of the result's type (no copy from a Void list).
# run: rpp translate --stop-after=rtype --interp %s
# stdout: 3 True
# stdout: 3 7 True
# stdout: 0
class Box(object):
    def __init__(self, v):
        self.v = v

class Frame(object):
    def __init__(self, n):
        self.stack = [None] * n

def entry_point(argv):
    f = Frame(len(argv) + 2)
    print(len(f.stack), f.stack[1] is None)
    f.stack[1] = Box(7)
    print(len(f.stack), f.stack[1].v, f.stack[2] is None)
    g = Frame(-len(argv) - 1)
    print(len(g.stack))
    return 0
