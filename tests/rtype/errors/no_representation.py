# A value whose type has no low-level representation yet is reported where it is made.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: no_representation.py:20:9: error: values of type
# stderr-nextln:     d = r_dict(key_eq, key_hash)
# stderr-check: call chain: entry_point
# stderr-not: terminate called
from rpython.rlib.objectmodel import r_dict


def key_eq(a, b):
    return a == b


def key_hash(a):
    return len(a)


def size(s):
    d = r_dict(key_eq, key_hash)
    d[s] = 1
    return len(d)


def entry_point(argv):
    return size(argv[0])
