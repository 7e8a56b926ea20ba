# --format=svg renders the Graphviz drawing with `dot`.
# run: rpp translate --stop-after=flow --dump=flow --format=svg %s
# check: <svg
# check: graph f(x)
# check: </svg>
def f(x):
    if x:
        return 1
    return 2

def entry_point(argv):
    return f(len(argv))
