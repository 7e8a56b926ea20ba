# One ListDef per list that flows together: a list only indexed is fixed, setitem makes it
# mutated, append makes it resized; range() is a list that remembers it is a range.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph fixed() -> list[nonneg int; fixed]
# check: graph mutated() -> list[int; fixed, mutated]
# check: graph grown(n: nonneg int) -> list[str; resized]
# check: graph ranged(n: nonneg int) -> nonneg int
# check: list[nonneg int; range] = simple_call(<class range>, v0)

def fixed():
    return [1, 2, 3]

def mutated():
    l = [1, 2, 3]
    l[0] = -1
    return l

def grown(n):
    l = []
    for i in range(n):
        l.append(str(i))
    return l

def ranged(n):
    total = 0
    for i in range(n):
        total += i
    return total

def entry_point(argv):
    fixed()
    mutated()
    grown(len(argv))
    ranged(len(argv))
    return 0
