# An integer operation whose result only reaches intmask() wraps on purpose: it is lowered as
# Unsigned arithmetic, so the overflow check of the ll interpreter does not report it; the same
# operation without intmask() would be reported.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @string_hash(Ptr(rpy_string)) -> Signed {
# check: uint_mul
# check: uint_add
# check: cast_uint_to_int
from rpython.rlib.rarithmetic import intmask


def string_hash(s):
    h = 5381
    i = 0
    while i < len(s):
        h = intmask(h * 1000003 + ord(s[i]))
        i += 1
    return h


def entry_point(argv):
    print(string_hash("hello world, this is a long string"), string_hash(argv[0]) != 0)
    return 0
