# A value whose type has no low-level representation yet is reported where it is made.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: no_representation.py:11:9: error: dict keys of FloatRepr are not supported yet
# stderr-nextln:     d = {}
# stderr-check: call chain: entry_point
# stderr-not: terminate called


def size(x):
    d = {}
    d[x] = 1
    return len(d)


def entry_point(argv):
    return size(len(argv) / 2.0)
