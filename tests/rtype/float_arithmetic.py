# Floats: Python's repr, floor division and modulo, exact int/float comparisons, conversions.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: float_floordiv_zer
# check: int_float_eq
# check: cast_float_to_int_ovf
def entry_point(argv):
    n = len(argv)
    x = n * 1.5
    y = n - 3.25
    print(x, y, x + y, x - y, x * y, x / y, x // y, x % y, -x, abs(y))
    print(7.5 // -2.0, -7.5 % 2.0, 1e16 * n, 1e-5 * n, 0.1 * n + 0.2, 1.0 / 3)
    big = (1 << 53) + n
    print(big == float(1 << 53), big - 1 == float(1 << 53), float(big), n < 1.5, 2.5 > n)
    print(int(x), int(-2.75), float(n), x == 1.5, x != y, x < y, x >= y)
    print(0.0, -0.0 * n, 100.0, 123456789.0 * n, 1.0e22 * n)
    return 0
