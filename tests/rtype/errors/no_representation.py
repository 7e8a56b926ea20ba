# A value whose type has no low-level representation yet is reported where it is made.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: no_representation.py:9:9: error: values of type bytes have no low-level representation yet
# stderr-nextln:     b = s.encode("utf-8")
# stderr-check: call chain: entry_point
# stderr-not: terminate called
def size(s):
    b = s.encode("utf-8")
    return len(b)


def entry_point(argv):
    return size(argv[0])
