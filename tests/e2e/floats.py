# Floats print as CPython's repr; arithmetic, conversions, comparisons with ints.
def mean(a, b, c):
    return (a + b + c) / 3

def entry_point(argv):
    n = len(argv)
    print(0.1 + 0.2, 1.0 / 3, 2.0 ** 0.5, 1e16, 1.5e-7, 123456789.0 * 1000)
    print(mean(1.0, 2.0, 4.0), -0.0, 7.0 // 2, -7.0 % 3, float(n), int(3.99), int(-3.99))
    print(1e300 * 1e300, -1e300 * 1e300, 10 ** 3 / 7)
    x = 0.5
    for i in range(5):
        x = x * 3.0 - 1.0
        print(i, x, x > i, x == 0.5)
    print(n == 1.0, 2 ** 53 + 1 == float(2 ** 53))
    return 0
