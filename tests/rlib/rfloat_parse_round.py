# string_to_float parses what float() parses (no underscores); round_double rounds correctly.
# run: rpp run %s
# same-as: python3
# stdout: 1.5 -250.0 0.001 inf -inf nan
# stdout: inf 0.0 -0.0 1e+22
# stdout: ParseStringError: could not convert string to float
# stdout: bad 8
# stdout: 2.67 2.68 2.6 3.0 -3.0
# stdout: 2.0 3.0 -2.0 -3.0
# stdout: 0.13 0.12 0.14
# stdout: 1200.0 1300.0 1200.0 0.0
# stdout: -0.0 5e-324 inf 1.7976931348623157e+308
# stdout: inf nan
# stdout: 0.0 1.0 2.0 -0.0
# stdout: ok
import sys
from rpython.rlib.rfloat import (string_to_float, round_double, round_away, round_half_even,
                                 INFINITY, NAN)
from rpython.rlib.rstring import ParseStringError


def entry_point(argv):
    print(string_to_float("1.5"), string_to_float("  -2.5e2\n"), string_to_float("1e-3"),
          string_to_float("inf"), string_to_float("-Infinity"), string_to_float("nan"))
    print(string_to_float("1e400"), string_to_float("1e-400"), string_to_float("-0"),
          string_to_float("1E22"))
    try:
        string_to_float("abc")
    except ParseStringError as e:
        print("ParseStringError: %s" % e.msg)
    bad = 0
    for s in ["", "  ", "1_0", "1.2.3", "0x10", "--1", "1e", "\u0661"]:
        try:
            string_to_float(s)
        except ParseStringError:
            bad += 1
    print("bad", bad)
    print(round_double(2.675, 2), round_double(2.6751, 2), round_double(2.65, 1),
          round_double(2.5, 0), round_double(-2.5, 0))
    print(round_double(2.5, 0, half_even=True), round_double(3.4999, 0, True),
          round_double(-1.5, 0, True), round_double(-2.5000001, 0, True))
    print(round_double(0.125, 2), round_double(0.125, 2, True),
          round_double(0.135, 2, half_even=True))
    print(round_double(1250.0, -2, True), round_double(1250.0, -2), round_double(1249.0, -2),
          round_double(1e300, -400))
    print(round_double(-0.4, 0), round_double(5e-324, 400), round_double(1.7e308, -308),
          round_double(1.7976931348623157e308, 5))
    print(round_double(INFINITY, 2), round_double(NAN, 2))
    print(round_away(0.49999999999999994), round_away(0.5), round_half_even(2.5),
          round_half_even(-0.5))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
