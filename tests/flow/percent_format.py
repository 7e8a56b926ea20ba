# % formatting is the mod operation on the format string and a tuple.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph show(name, n)
# nextln: block0(v0, v1):
# nextln: v2 = newtuple(v0, v1)
# nextln: v3 = mod('%s has %d items', v2)
# nextln: goto return(v3)
def show(name, n):
    return "%s has %d items" % (name, n)

def entry_point(argv):
    show(argv[0], len(argv))
    return 0
