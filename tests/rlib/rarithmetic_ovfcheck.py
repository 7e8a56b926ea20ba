# ovfcheck raises OverflowError exactly when the result does not fit a signed 64-bit word.
# run: rpp run %s
# same-as: python3
# stdout: 9223372036854775807
# stdout: ovf add
# stdout: -9223372036854775808
# stdout: ovf sub
# stdout: ovf neg
# stdout: ovf mul
# stdout: -9223372036854775808
# stdout: ovf floordiv
# stdout: ovf lshift
# stdout: 4611686018427387904
# stdout: ovf abs
# stdout: 9223372036854775807
# stdout: ovf float
# stdout: ovf nan
# stdout: -9223372036854775808
# stdout: TypeError r_uint
# stdout: count 5
import sys
from rpython.rlib.rarithmetic import ovfcheck, ovfcheck_float_to_int, r_uint

INT_MAX = sys.maxsize
INT_MIN = -sys.maxsize - 1


def add(x, y):
    try:
        return ovfcheck(x + y)
    except OverflowError:
        print("ovf add")
        return 0


def entry_point(argv):
    print(add(INT_MAX - 1, 1))
    add(INT_MAX, 1)
    print(ovfcheck(INT_MIN + 0))
    try:
        ovfcheck(INT_MIN - 1)
    except OverflowError:
        print("ovf sub")
    try:
        ovfcheck(-INT_MIN)
    except OverflowError:
        print("ovf neg")
    try:
        ovfcheck(INT_MAX * 2)
    except OverflowError:
        print("ovf mul")
    print(ovfcheck(-(2 ** 31) * 2 ** 32))
    try:
        ovfcheck(INT_MIN // -1)
    except OverflowError:
        print("ovf floordiv")
    try:
        ovfcheck(1 << 63)
    except OverflowError:
        print("ovf lshift")
    print(ovfcheck(1 << 62))
    try:
        ovfcheck(abs(INT_MIN))
    except OverflowError:
        print("ovf abs")
    print(ovfcheck(abs(INT_MIN + 1)))
    try:
        ovfcheck_float_to_int(9223372036854775808.0)
    except OverflowError:
        print("ovf float")
    try:
        ovfcheck_float_to_int(float("nan"))
    except OverflowError:
        print("ovf nan")
    print(ovfcheck_float_to_int(-9223372036854775808.0))
    try:
        ovfcheck(r_uint(1) + 1)
    except TypeError:
        print("TypeError r_uint")
    # counting overflows over a range of additions around the boundary
    count = 0
    for i in range(-3, 3):
        for y in (INT_MAX, INT_MIN):
            try:
                ovfcheck(y + i)
            except OverflowError:
                count += 1
    print("count", count)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
