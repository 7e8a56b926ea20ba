# Prebuilt dicts with instance keys (identity hashes exist only at run time): the translated
# program finds the prebuilt keys, inserts new ones, deletes, pops and iterates in insertion
# order, whichever operation comes first, through collections (RPP_GC_STRESS in the e2e suite).
class Op(object):
    def __init__(self, name):
        self.name = name


class Special(Op):
    pass


ADD = Op("add")
SUB = Op("sub")
MUL = Special("mul")
DIV = Op("div")
UNUSED = Op("unused")

PRECEDENCE = {ADD: 1, SUB: 1, MUL: 2, DIV: 2}
NAMES = {SUB: "minus", ADD: "plus"}
POPPED = {DIV: 4, MUL: 3, ADD: 1}
GROWN = {ADD: [1], MUL: [2]}
ITERATED = {MUL: "m", SUB: "s", DIV: "d"}
DELETED = {ADD: 0, SUB: 1, DIV: 2}
EMPTY = {}
MAYBE = {None: "none", ADD: "add"}


def churn(n):
    # Allocations between the operations: collections under RPP_GC_STRESS move new objects.
    junk = []
    for i in range(n):
        junk.append(Op("junk%d" % i))
    return len(junk)


def names(keys):
    return " ".join([k.name for k in keys])


def entry_point(argv):
    n = len(argv)
    ops = [ADD, SUB, MUL, DIV, UNUSED]
    print([PRECEDENCE.get(op, -1) for op in ops], UNUSED in PRECEDENCE, MUL in PRECEDENCE, len(PRECEDENCE))
    print(names([k for k in PRECEDENCE]), [PRECEDENCE[k] for k in PRECEDENCE])
    # Insertion first: a new key (made at run time) and an existing one.
    fresh = Op("fresh%d" % n)
    NAMES[fresh] = "new"
    NAMES[ADD] = "PLUS"
    churn(50)
    print(NAMES[fresh], NAMES[ADD], NAMES[SUB], MUL in NAMES, names([k for k in NAMES]), len(NAMES))
    # popitem first (a deletion before any lookup), then lookups.
    k, v = POPPED.popitem()
    print(k.name, v, names([k for k in POPPED]), POPPED[DIV], POPPED.get(ADD, -1), ADD in POPPED, len(POPPED))
    # Many insertions: the entries array is rebuilt by the runtime.
    extra = []
    for i in range(40):
        op = Op("op%d" % i)
        extra.append(op)
        GROWN[op] = [i]
        churn(3)
    GROWN[MUL].append(20)
    total = 0
    for op in extra:
        total += GROWN[op][0]
    print(len(GROWN), total, GROWN[ADD], GROWN[MUL], names([k for k in GROWN])[:40])
    # Iteration first, then lookups, deletion and re-insertion (goes to the end).
    print(names([k for k in ITERATED]), [ITERATED[k] for k in ITERATED], [v for v in ITERATED.values()])
    del ITERATED[MUL]
    ITERATED[MUL] = "again"
    print(names([k for k in ITERATED]), ITERATED[MUL], ITERATED.pop(SUB), names([k for k in ITERATED]))
    # Deletion first.
    del DELETED[SUB]
    churn(20)
    print(names([k for k in DELETED]), DELETED[ADD], DELETED[DIV], SUB in DELETED, DELETED.get(SUB, 99))
    try:
        print(DELETED[SUB])
    except KeyError:
        print("KeyError")
    # An empty prebuilt dict, a None key, copies and equality.
    EMPTY[UNUSED] = n
    print(len(EMPTY), EMPTY[UNUSED], MAYBE[None], MAYBE[ADD], None in MAYBE, SUB in MAYBE)
    copy = PRECEDENCE.copy()
    print(copy == PRECEDENCE, names([k for k in copy]), copy[MUL])
    copy[UNUSED] = 0
    print(copy == PRECEDENCE, len(copy), len(PRECEDENCE))
    return 0
