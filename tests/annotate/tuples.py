# Tuples keep one annotation per item; unpacking; a constant index picks one item.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph pair(n: nonneg int) -> tuple(nonneg int, str)
# check: graph first(t: tuple(nonneg int, str)) -> str

def pair(n):
    return (n, str(n))

def first(t):
    a, b = t
    return b + t[1]

def entry_point(argv):
    first(pair(len(argv)))
    return 0
