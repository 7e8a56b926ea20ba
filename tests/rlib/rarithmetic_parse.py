# string_to_int parses as int(s, base) does, into a machine word; r_singlefloat rounds to 32 bits.
# run: rpp run %s
# same-as: python3
# stdout: 42 -17 255 255 8 5 0
# stdout: 9223372036854775807 -9223372036854775808
# stdout: overflow 2
# stdout: bad 7
# stdout: invalid literal for int() with base 10: '12a'
# stdout: InvalidBaseError
# stdout: 1000000 35
# stdout: 0.10000000149011612 True False
# stdout: ok
import sys
from rpython.rlib.rarithmetic import string_to_int, r_singlefloat
from rpython.rlib.rstring import ParseStringError, ParseStringOverflowError, InvalidBaseError


def entry_point(argv):
    print(string_to_int("42"), string_to_int("  -17\n"), string_to_int("ff", 16),
          string_to_int("0xff", 16), string_to_int("0o10", 0), string_to_int("101", 2),
          string_to_int("000", 0))
    print(string_to_int("9223372036854775807"), string_to_int("-9223372036854775808"))
    n = 0
    for s in ["9223372036854775808", "-9223372036854775809"]:
        try:
            string_to_int(s)
        except ParseStringOverflowError:
            n += 1
    print("overflow", n)
    bad = 0
    for s in ["", "12a", "1_000", "0x", "--1", "010", "\u0661"]:
        try:
            string_to_int(s, 0 if s == "010" else 10)
        except ParseStringError:
            bad += 1
    print("bad", bad)
    try:
        string_to_int("12a")
    except ParseStringError as e:
        print(e.msg)
    try:
        string_to_int("1", 37)
    except InvalidBaseError:
        print("InvalidBaseError")
    print(string_to_int("1_000_000", 10, allow_underscores=True), string_to_int("z", 36))
    f = r_singlefloat(0.1)
    print(float(f), f == r_singlefloat(0.1), f == r_singlefloat(0.2))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
