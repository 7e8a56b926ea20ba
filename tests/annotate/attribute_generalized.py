# An attribute read through the base class moves up to it: `kind` is written by both
# subclasses and read through a Node; its readers see the union.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph Leaf.__init__(self: Leaf, value: nonneg int) -> None
# check: graph show(n: Node) -> str
# check: : str = getattr({{v[0-9]+}}, 'kind')

class Node(object):
    pass

class Leaf(Node):
    def __init__(self, value):
        self.kind = "leaf"
        self.value = value

class Pair(Node):
    def __init__(self, left, right):
        self.kind = "pair"
        self.left = left
        self.right = right

def show(n):
    return n.kind

def entry_point(argv):
    a = Leaf(len(argv))
    b = Pair(a, a)
    print(show(a), show(b))
    return 0
