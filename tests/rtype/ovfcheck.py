# ovfcheck(a OP b) raises OverflowError (the _ovf operations); intmask and r_uint wrap on purpose.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @entry_point
# check: uint_mul
# check: cast_uint_to_int
# check: graph @add(Signed, Signed) -> Signed {
# check: int_add_ovf
# nextln: catch {
# check: &vtable_OverflowError:Ptr(object_vtable)
# check: graph @mul(Signed, Signed) -> Signed {
# check: int_mul_ovf
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint

def add(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1

def mul(a, b):
    try:
        return ovfcheck(a * b)
    except OverflowError:
        return -2

def entry_point(argv):
    n = len(argv)
    big = (n << 62) - 1 + (n << 62)
    print(add(big, n), add(big, -n), mul(big, 2), mul(big, 1))
    u = r_uint(big) * r_uint(4) + r_uint(n)
    print(intmask(u), intmask(r_uint(n) - r_uint(2)), u > r_uint(n))
    return 0
