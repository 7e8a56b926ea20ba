# A bool meeting an int is an int; bools stay bools through `and`/`or` of conditions.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph pick(c: bool) -> nonneg int
# check: graph both(a: bool, b: bool) -> bool

def pick(c):
    if c:
        return True
    return 3

def both(a, b):
    return a & b

def entry_point(argv):
    pick(len(argv) > 1)
    both(len(argv) > 1, len(argv) < 5)
    return 0
