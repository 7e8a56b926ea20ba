# formatd: CPython's float formatting, with flags and special values.
# run: rpp run %s
# same-as: python3
# stdout: 3.142 3.14159e+00 3.14159 3.14159
# stdout: 1e+16 1e-05 7 7.0 -0.0 0.1
# stdout: inf -inf nan INF -INF NAN
# stdout: inf inf nan +inf
# stdout: +1.50 +1.500000e+00 -2.0
# stdout: 1. 1.0000 1.0
# stdout: 0.0 -0.00 0
# stdout: 1e+20 1e+20 123456789012.0
# stdout: 0.10000000000000000555111512313 2.5e-308
# stdout: ('1.5', 1) ('inf', 3) ('nan', 2)
# stdout: ValueError code
# stdout: ok
import sys
from rpython.rlib.rfloat import (formatd, double_to_string, float2string, INFINITY, NAN,
                                 DTSF_SIGN, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0,
                                 isinf, isnan, isfinite)


def entry_point(argv):
    pi = 3.14159
    print(formatd(pi, "f", 3), formatd(pi, "e", 5), formatd(pi, "g", 6), formatd(pi, "r", 0))
    print(formatd(1e16, "r", 0), formatd(1e-05, "r", 0), formatd(7.0, "r", 0),
          formatd(7.0, "r", 0, DTSF_ADD_DOT_0), formatd(-0.0, "r", 0, DTSF_ADD_DOT_0),
          formatd(0.1, "r", 0))
    print(formatd(INFINITY, "f", 2), formatd(-INFINITY, "e", 2), formatd(NAN, "g", 2),
          formatd(INFINITY, "F", 2), formatd(-INFINITY, "E", 2), formatd(NAN, "G", 2))
    print(formatd(INFINITY, "r", 0), formatd(INFINITY, "r", 0, DTSF_ADD_DOT_0),
          formatd(NAN, "r", 0), formatd(INFINITY, "f", 1, DTSF_SIGN))
    print(formatd(1.5, "f", 2, DTSF_SIGN), formatd(1.5, "e", 6, DTSF_SIGN),
          formatd(-2.0, "g", 12, DTSF_ADD_DOT_0))
    print(formatd(1.0, "g", 1, DTSF_ALT) + "", formatd(1.0, "g", 5, DTSF_ALT),
          formatd(1.0, "g", 12, DTSF_ADD_DOT_0))
    print(formatd(0.0, "g", 12, DTSF_ADD_DOT_0), formatd(-0.0001, "f", 2),
          formatd(-0.0001, "f", 0, DTSF_NO_NEG_0))
    print(formatd(1e20, "g", 12, DTSF_ADD_DOT_0), formatd(1e20, "r", 0, DTSF_ADD_DOT_0),
          float2string(123456789012.0, "g", 12))
    print(formatd(0.1, "f", 29), formatd(2.5e-308, "r", 0))
    print(double_to_string(1.5, "r", 0, 0), double_to_string(INFINITY, "f", 1, 0),
          double_to_string(NAN, "g", 3, 0))
    try:
        formatd(1.0, "x", 2)
    except ValueError:
        print("ValueError code")
    assert isinf(-INFINITY) and isnan(NAN) and not isfinite(NAN) and isfinite(1.0)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
