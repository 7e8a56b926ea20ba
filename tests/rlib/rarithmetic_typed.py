# Typed machine integers wrap like the C types; mixing rules follow the translator.
# run: rpp run %s
# same-as: python3
# stdout: 18446744073709551615 r_uint
# stdout: 0 r_uint
# stdout: 18446744073709551614 r_uint
# stdout: 1 18446744073709551615
# stdout: 9223372036854775808
# stdout: 0 4611686018427387904
# stdout: 18446744073709551615
# stdout: 3 1 r_uint
# stdout: 3.5 float
# stdout: 7.5 float
# stdout: -9223372036854775808 r_int True
# stdout: -9223372036854775808 True
# stdout: -2147483648 2147483647 r_int32
# stdout: 4294967295 0 r_uint32
# stdout: -128 255 r_uint8
# stdout: r_int32 r_int r_uint
# stdout: TypeError mix
# stdout: TypeError compare
# stdout: True False True
# stdout: 0 -1
# stdout: 18446744073709551615
# stdout: 0
# stdout: 16909060 r_uint32
# stdout: 1 63
# stdout: -3 -1 -4 1
# stdout: -9223372036854775808
# stdout: 15 340282366920938463463374607431768211455
# stdout: 2 True
import sys
from rpython.rlib.rarithmetic import (r_uint, r_int, r_longlong, r_ulonglong, r_int32, r_uint32,
                                      r_int8, r_uint8, r_ulonglonglong, intmask, byteswap,
                                      highest_bit, int_c_div, int_c_mod, most_neg_value_of,
                                      most_pos_value_of, uint_mul_high, mulmod, int_between)


def show(x):
    print(x, type(x).__name__)


def entry_point(argv):
    show(r_uint(-1))
    show(r_uint(-1) + 1)
    show(r_uint(3) - 5)
    big = r_uint(2 ** 63) * 2 + 1
    print(big, r_uint(0) - big)
    print(r_uint(1) << 63)
    print(r_uint(1) << 64, r_uint(2 ** 63) >> 1)
    print(~r_uint(0))
    q, r = divmod(r_uint(7), 2)
    print(q, r, type(q).__name__)
    show(r_uint(7) / 2)
    show(r_uint(7) + 0.5)
    x = r_longlong(2 ** 63 - 1) + 1
    print(x, type(x).__name__, r_longlong is r_int)
    print(r_int(-2 ** 63) // -1, r_ulonglong is r_uint)
    a = r_int32(2 ** 31 - 1) + 1
    print(a, a - 1, type(a).__name__)
    b = r_uint32(0) - 1
    print(b, b + 1, type(b).__name__)
    print(r_int8(128), r_uint8(-1), type(r_uint8(3) + 1).__name__)
    print(type(r_int32(1) + 1).__name__, type(r_int32(1) + r_int(1)).__name__,
          type(r_uint32(1) + r_uint(1)).__name__)
    try:
        r_uint(1) + r_int32(1)
    except TypeError:
        print("TypeError mix")
    try:
        if r_uint(5) > -1:
            print("compared")
    except TypeError:
        print("TypeError compare")
    print(r_uint(5) > 3, r_uint(5) == 4, r_int32(-1) < 0)
    print(intmask(r_uint(2 ** 64 - 1) + 1), intmask(r_uint(2 ** 64 - 1)))
    print(r_uint(2 ** 32) * r_uint(2 ** 32) - 1)
    print(r_uint(2) ** 64)
    print(byteswap(r_uint32(0x04030201)), type(byteswap(r_uint32(1))).__name__)
    print(highest_bit(2), highest_bit(2 ** 63))
    print(int_c_div(-7, 2), int_c_mod(-7, 2), -7 // 2, -7 % 2)
    print(int_c_div(-2 ** 63, -1))
    print(uint_mul_high(r_uint(2 ** 63), r_uint(30)), r_ulonglonglong(-1))
    print(mulmod(2 ** 62, 2 ** 62, 7), int_between(0, 3, 4))
    assert most_neg_value_of(int) == -2 ** 63 and most_pos_value_of(int) == 2 ** 63 - 1
    assert most_neg_value_of(r_uint) == 0 and most_pos_value_of(r_uint) == 2 ** 64 - 1
    assert most_neg_value_of(r_int32) == -2 ** 31
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
