# The gc stage under --gc=gen (the default; docs/gctransform.md): `--dump=gc` prints the type
# table as `; ` lines, then the graphs with the allocation operations (type id and size as
# constants), the shadow-stack saves around what can collect and the barriers; the summary
# counts them. What is live across an allocation is saved around it; storing None (a constant)
# needs no barrier, storing a variable into an argument does.
# run: rpp translate --stop-after=gc --dump=gc %s
# check: ; tid 16 object: size 16, vtable, gc ptrs []
# check: ; tid {{[0-9]+}} Link: size 32, vtable, gc ptrs [{{16|24}}]
# check: graph @entry_point(
# check: gc_push_roots(
# nextln: {{v[0-9]+}}: Ptr(Link) = gc_malloc_fixed({{[0-9]+}}, 32)
# nextln: gc_pop_roots(
# check: graph @Link.__init__(
# not: gc_writebarrier
# check: graph @attach(Ptr(Link), Ptr(Link)) -> Ptr(Link) {
# check: gc_writebarrier(
# nextln: bare_setfield(
# not: malloc(<
# stderr-check: [rpp] gc: {{[0-9]+}} allocation fast paths, {{[1-9][0-9]*}} write barriers, {{[1-9][0-9]*}} root saves ({{[0-9]+}} roots), {{[0-9]+}} GC types
class Link(object):
    def __init__(self, value):
        self.value = value
        self.next = None


def attach(a, b):
    a.next = b
    return a


def entry_point(argv):
    head = Link(0)
    for i in range(len(argv) * 10):
        head = attach(Link(i), head)
    n = 0
    while head is not None:
        n += head.value
        head = head.next
    print(n)
    return 0
