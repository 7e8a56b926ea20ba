# Python's integer arithmetic (SEMANTICS.md) through ops.h: floor division and modulo of negative
# numbers, true division, shifts, bit operations, comparisons, abs, powers.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @show(Signed, Signed) -> Void {
# check: int_floordiv_zer
# check: int_mod_zer
# check: int_truediv_zer
# check: graph @arith(Signed, Signed) -> Signed {
# The divisors are constants: the plain operations, which cannot raise.
# check: int_floordiv(
# check: int_mod(
# not: ovf
def show(x, y):
    print(x // y, x % y, x / y, -x // y, -x % y)
    print(x * y - x, x << 3, x >> 1, -x >> 1, x & y, x | y, x ^ y, ~x)
    print(x < y, x <= y, x == y, x != y, x > y, x >= y, abs(-x), -x)
    print(x ** 2, 2 ** 10, x // 4, x % 4)

def arith(a, b):
    return (a * 3 + b) // 2 - a % 5

def entry_point(argv):
    n = len(argv)
    show(n + 6, n + 2)
    show(n + 100, n - 4)
    print(arith(n + 10, n + 20), 7 // -2, -7 // 2, 7 % -2, -7 % 2)
    print(divmod(n + 16, 5), divmod(-n - 16, 5))
    big = (n << 62) - 1 + (n << 62)
    print(big, -big - 1, big // -1)
    return 0
