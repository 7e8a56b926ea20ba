# The math module: libm through helpers of the helper table with CPython's error rules
# (ValueError "math domain error", OverflowError "math range error"), floor/ceil/trunc giving an
# int, fabs/isnan/isinf/isfinite as inline float operations, frexp/modf as pairs.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @entry_point
# check: $math_sqrt
# check: $math_log_base
# check: $math_pow
# check: $math_copysign
# check: float_abs
# check: $math_floor
# check: float_ne
# check: $math_frexp_mantissa
# check: $math_modf_integer
# not: $math_isnan
import math


def domain(n, x):
    try:
        if n == 0:
            return math.sqrt(x)
        if n == 1:
            return math.log(x)
        if n == 2:
            return math.fmod(x, 0.0)
        if n == 3:
            return math.pow(x, -1.0)
        if n == 4:
            return math.pow(-8.0, x + 0.5)
        return math.acos(x - 5.0)
    except ValueError as e:
        print("ValueError:", str(e))
        return -1.0


def overflows(x):
    try:
        return float(math.floor(x))
    except OverflowError as e:
        print("OverflowError:", str(e))
    try:
        return math.exp(x)
    except OverflowError as e:
        print("OverflowError:", str(e))
    return 0.0


def entry_point(argv):
    n = len(argv)  # 1
    x = n * 2.0  # 2.0
    print(math.sqrt(x), math.exp(x), math.log(x), math.log(x * 4, x), math.log2(x * 4), math.log10(x * 50))
    print(math.sin(x), math.cos(x), math.tan(x), math.atan2(x, -3.0), math.hypot(x, 3.0))
    print(math.asin(x / 4), math.acos(x / 4), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x))
    print(math.asinh(x), math.acosh(x), math.atanh(x / 4), math.expm1(x / 1e6), math.log1p(x / 1e6))
    print(math.erf(x), math.erfc(x), math.gamma(x + 3.5), math.lgamma(x + 10.0))
    print(math.fmod(-7.5, x), math.fmod(7.5, -x), math.pow(x, 10.0), math.pow(x, 0.5), math.ldexp(x, n + 9))
    print(math.copysign(1.0, -x), math.copysign(x, -0.0 * n), math.copysign(x, 0.0), math.fabs(-x))
    print(math.floor(-x - 0.5), math.ceil(-x - 0.5), math.trunc(-x - 0.5), math.floor(7 * n), math.ceil(x + 0.1))
    inf = math.inf * n
    nan = inf - inf
    print(math.isnan(nan), math.isnan(x), math.isinf(-inf), math.isinf(x), math.isfinite(x), math.isfinite(nan))
    print(math.pow(inf, -3.0), math.pow(-inf, 3.0), math.pow(0.5, -inf), math.pow(nan, 0.0), math.pow(1.0, nan))
    m, e = math.frexp(x * 3)
    f, i = math.modf(-x - 0.25)
    print(m, e, f, i, math.frexp(0.0 * n), math.modf(-inf))
    print(math.pi * n, math.e * n, math.tau * n)
    for k in range(6):
        print(domain(k, -x))
    print(overflows(inf), overflows(x * 400))
    try:
        print(math.log(x, 1.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", str(e))
    try:
        print(math.trunc(nan))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
