# A dict comprehension stores each item; the outer x keeps its value (comprehension scope).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph index(words)
# check: v1 = newdict()
# check: v13 = len(v11)
# nextln: v14 = setitem(v10, v11, v13)
# check: v17 = newtuple(v16, 5)
def index(words):
    x = 5
    d = {w: len(w) for w in words}
    return d, x

def entry_point(argv):
    index(argv)
    return 0
