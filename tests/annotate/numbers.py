# Python's meaning of numbers: / gives a float, // of non-negative ints and % by a non-negative
# int are non-negative,
# an int meeting a float is a float, ** with a non-negative exponent stays an int, divmod.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph arith(a: nonneg int, b: int, f: float = 1.5) -> tuple(float, nonneg int, nonneg int, nonneg int, float, nonneg int, tuple(int, nonneg int))
# check: = truediv(
# check: : float = add(
# check: graph mixed(c: bool) -> float

def arith(a, b, f):
    return (a / 2, a // 3, a % 5, b % 7, a + f, a ** 2, divmod(b, 3))

def mixed(c):
    if c:
        x = 1
    else:
        x = 2.5
    return x

def entry_point(argv):
    n = len(argv)
    arith(n, n - 4, 1.5)
    mixed(n > 2)
    return 0
