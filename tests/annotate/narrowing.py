# Narrowing after isinstance, `is None` / `is not None`, `type(x) is C` and `assert`:
# the variable has the narrower annotation on the branch where the test holds.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph by_isinstance(n: Node) -> nonneg int
# check: : bool = isinstance({{v[0-9]+}}, <class Leaf>)
# check: ({{v[0-9]+}}: Leaf):
# check: graph by_type(n: Node) -> nonneg int
# check: : type (subclass of Node) = type(
# check: ({{v[0-9]+}}: Leaf):
# check: graph by_assert(n: Node) -> nonneg int
# check: ({{v[0-9]+}}: Leaf):
# check: graph by_none(n: Leaf or None) -> nonneg int
# check: ({{v[0-9]+}}: Leaf):

class Node(object):
    pass

class Leaf(Node):
    def __init__(self, value):
        self.value = value

class Pair(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

def by_isinstance(n):
    if isinstance(n, Leaf):
        return n.value
    return 0

def by_none(n):
    if n is not None:
        return n.value
    return 0

def by_type(n):
    if type(n) is Leaf:
        return n.value
    return 0

def by_assert(n):
    assert isinstance(n, Leaf)
    return n.value

def find(nodes, k):
    for n in nodes:
        if isinstance(n, Leaf) and n.value == k:
            return n
    return None

def entry_point(argv):
    nodes = [Leaf(1), Pair(Leaf(2), Leaf(3))]
    nodes.append(Leaf(len(argv)))
    for n in nodes:
        by_isinstance(n)
        by_type(n)
        by_assert(n)
    by_none(find(nodes, 2))
    return 0
