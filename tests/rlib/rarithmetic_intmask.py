# intmask, LONG_BIT and friends compute what a 64-bit translated program computes.
# run: rpp run %s
# same-as: python3
# stdout: 64 9223372036854775807 True
# stdout: -9223372036854775808
# stdout: -1
# stdout: 0
# stdout: 9223372036854775807
# stdout: 1
# stdout: -2
# stdout: 0
# stdout: 42 int
# stdout: -1 int
# stdout: TypeError
# stdout: 12345678901 int
# stdout: 7 -7 r_uint
# stdout: 2147483647 -2147483648 32767 65535 4294967295
# stdout: ok
from rpython.rlib.rarithmetic import (LONG_BIT, LONG_MASK, LONG_TEST, maxint, intmask, r_uint,
                                      r_int32, widen, INT_MAX, INT_MIN, SHRT_MAX, USHRT_MAX,
                                      UINT_MAX, is_valid_int)


def entry_point(argv):
    print(LONG_BIT, maxint, LONG_MASK == 2 ** 64 - 1 and LONG_TEST == 2 ** 63)
    print(intmask(2 ** 63))
    print(intmask(2 ** 64 - 1))
    print(intmask(2 ** 64))
    print(intmask(maxint))
    print(intmask(2 ** 64 + 1))
    print(intmask(-2 ** 64 - 2))
    print(intmask(-2 ** 128))
    x = intmask(r_uint(42))
    print(x, type(x).__name__)
    x = intmask(r_uint(-1))
    print(x, type(x).__name__)
    try:
        intmask(1.5)
        print("no error")
    except TypeError:
        print("TypeError")
    big = 12345678901
    print(intmask(big), type(intmask(big)).__name__)
    w = widen(r_int32(-7))
    u = widen(r_uint(7))
    print(widen(r_int32(7)), w, type(u).__name__)
    print(INT_MAX, INT_MIN, SHRT_MAX, USHRT_MAX, UINT_MAX)
    assert is_valid_int(maxint) and not is_valid_int(maxint + 1)
    assert is_valid_int(-maxint - 1) and not is_valid_int(-maxint - 2)
    assert intmask(maxint + 1) == -maxint - 1
    assert intmask(True) == 1
    print("ok")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
