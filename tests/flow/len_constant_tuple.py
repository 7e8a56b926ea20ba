# len() of a constant tuple and indexing it fold.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = add(v0, 3)
# nextln: v2 = add(v1, 1)
# not: len(
NAMES = ("a", "b", "c")

def f(x):
    return x + len(NAMES) + len(NAMES[1])

def entry_point(argv):
    return f(len(argv))
