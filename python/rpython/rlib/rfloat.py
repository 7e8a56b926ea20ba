"""Floats: formatting, parsing, rounding, and the special values.

`formatd` is CPython's PyOS_double_to_string (what `'%.3f' % x`, `repr(x)`, `format()` use);
`string_to_float` parses what `float(s)` accepts; `round_double` rounds correctly (on the exact
binary value of the float). Untranslated they use CPython's own float formatting and parsing;
the translated program uses the runtime's implementation of the same functions.
"""

import math

INFINITY = 1e200 * 1e200
NAN = abs(INFINITY / INFINITY)

DBL_MAX = 1.7976931348623157e+308
DBL_MIN = 2.2250738585072014e-308
DBL_EPSILON = 2.220446049250313e-16
DBL_MANT_DIG = 53
DBL_MAX_EXP = 1024
DBL_MIN_EXP = -1021
DBL_MAX_10_EXP = 308
DBL_MIN_10_EXP = -307
DBL_DIG = 15

USE_SHORT_FLOAT_REPR = True

# flags of formatd() (as CPython's Py_DTSF_*)
DTSF_STR_PRECISION = 12     # the precision of str(float) in Python 2, for code that wants it
DTSF_SIGN = 0x1             # always write a sign
DTSF_ADD_DOT_0 = 0x2        # make an integral result look like a float ("7" -> "7.0")
DTSF_ALT = 0x4              # the "#" flag of % formatting
DTSF_CUT_EXP_0 = 0x8        # accepted; exponents are never zero-padded beyond two digits
DTSF_NO_NEG_0 = 0x10        # "-0" results lose their sign (the "z" format option)

# what double_to_string() says about its value
DIST_FINITE = 1
DIST_NAN = 2
DIST_INFINITY = 3

INVALID_MSG = "could not convert string to float"


def isinf(x):
    return math.isinf(x)


def isnan(x):
    return math.isnan(x)


def isfinite(x):
    return math.isfinite(x)


def copysign(x, y):
    return math.copysign(x, y)


# ____________________________________________________________
# float -> string

def formatd(x, code, precision, flags=0):
    """Formats the float x: code is one of "e E f F g G" (with `precision` digits) or "r" (the
    shortest string that reads back as x, as repr(); precision is ignored). Special values give
    "inf", "-inf", "nan" ("INF", "NAN" for upper-case codes)."""
    if not isinstance(x, float):
        raise TypeError("formatd() expects a float, not %s" % type(x).__name__)
    if code not in ("e", "E", "f", "F", "g", "G", "r"):
        raise ValueError("formatd(): unknown format code %r" % (code,))
    if code == "r":
        s = repr(x)
        if math.isfinite(x) and not (flags & DTSF_ADD_DOT_0) and s.endswith(".0"):
            s = s[:-2]
        if flags & DTSF_SIGN and not s.startswith("-"):
            s = "+" + s
    else:
        if precision < 0:
            raise ValueError("formatd(): negative precision")
        spec = ""
        if flags & DTSF_SIGN:
            spec += "+"
        if flags & DTSF_ALT:
            spec += "#"
        spec += ".%d%s" % (precision, code)
        s = format(x, spec)
        if (flags & DTSF_ADD_DOT_0 and math.isfinite(x)
                and "." not in s and "e" not in s and "E" not in s):
            s += ".0"
    if flags & DTSF_NO_NEG_0 and s.startswith("-") and math.isfinite(x) and float(s) == 0.0:
        s = s[1:]
    return s


def double_to_string(value, tp, precision, flags):
    """(formatd(value, tp, precision, flags), DIST_FINITE / DIST_NAN / DIST_INFINITY)."""
    if math.isnan(value):
        special = DIST_NAN
    elif math.isinf(value):
        special = DIST_INFINITY
    else:
        special = DIST_FINITE
    return formatd(value, tp, precision, flags), special


def float2string(x, code, precision):
    """formatd() with DTSF_ADD_DOT_0 (repr of a float is float2string(x, "r", 0))."""
    return formatd(x, code, precision, DTSF_ADD_DOT_0)


# ____________________________________________________________
# string -> float

_WHITESPACE = " \t\n\r\f\v"


def string_to_float(s):
    """Parses a float as float(s) does, from an ASCII string: surrounding whitespace, a sign,
    digits with an optional point and exponent, "inf", "infinity", "nan" in any case. Too large
    values become infinities. Underscores are not accepted (Python 3's float() strips them before
    calling this). Raises rstring.ParseStringError."""
    from rpython.rlib.rstring import ParseStringError
    if not isinstance(s, str):
        raise TypeError("string_to_float() expects a str, not %s" % type(s).__name__)
    s = s.strip(_WHITESPACE)
    if not s:
        raise ParseStringError(INVALID_MSG)
    for ch in s:
        if ord(ch) > 127 or ch == "_":
            raise ParseStringError(INVALID_MSG)
    try:
        return float(s)
    except ValueError:
        raise ParseStringError(INVALID_MSG)


def rstring_to_float(s):
    """string_to_float without whitespace stripping: `s` must be exactly a number."""
    from rpython.rlib.rstring import ParseStringError
    if s != s.strip(_WHITESPACE):
        raise ParseStringError(INVALID_MSG)
    return string_to_float(s)


# ____________________________________________________________
# rounding

_NDIGITS_MAX = 323     # beyond this, every double is already rounded
_NDIGITS_MIN = -308    # below this, every finite double rounds to zero


def round_double(value, ndigits, half_even=False):
    """`value` rounded to `ndigits` decimal places (negative: to tens, hundreds, ...), halfway
    cases away from zero (Python 2's round) or, with half_even=True, to even (Python 3's round).
    Rounding is done on the exact binary value, so round_double(2.675, 2) == 2.67. Infinities and
    nan are returned unchanged; a result too large for a float is an infinity."""
    if not math.isfinite(value):
        return value
    if ndigits > _NDIGITS_MAX:
        return value
    if ndigits < _NDIGITS_MIN:
        return math.copysign(0.0, value)
    if ndigits == 0:
        return round_half_even(value) if half_even else round_away(value)
    # Exactly: value == num / den (den a power of two), and value * 10**ndigits == num / den.
    num, den = abs(value).as_integer_ratio()
    if ndigits > 0:
        num *= 10 ** ndigits
    else:
        den *= 10 ** -ndigits
    quotient, remainder = divmod(num, den)
    if 2 * remainder > den or (2 * remainder == den and (not half_even or quotient % 2 == 1)):
        quotient += 1
    try:
        # int / int is correctly rounded: one rounding, from the exact decimal result.
        result = quotient / 10 ** ndigits if ndigits > 0 else float(quotient * 10 ** -ndigits)
    except OverflowError:
        result = INFINITY
    result = math.copysign(result, value)
    return result


def round_away(x):
    """x rounded to an integral float, halfway cases away from zero."""
    if not math.isfinite(x):
        return x
    absx = abs(x)
    r = float(math.floor(absx))
    if absx - r >= 0.5:      # exact: r and absx are within 1 of each other
        r += 1.0
    return math.copysign(r, x)


def round_half_even(x):
    """x rounded to an integral float, halfway cases to even."""
    if not math.isfinite(x):
        return x
    absx = abs(x)
    r = float(math.floor(absx))
    diff = absx - r
    if diff > 0.5 or (diff == 0.5 and math.fmod(r, 2.0) == 1.0):
        r += 1.0
    return math.copysign(r, x)


# ____________________________________________________________
# math functions RPython programs get from here

def log2(x):
    return math.log2(x)


def log1p(x):
    return math.log1p(x)


def expm1(x):
    return math.expm1(x)


def acosh(x):
    return math.acosh(x)


def asinh(x):
    return math.asinh(x)


def atanh(x):
    return math.atanh(x)


def erf(x):
    return math.erf(x)


def erfc(x):
    return math.erfc(x)


def gamma(x):
    return math.gamma(x)


def lgamma(x):
    return math.lgamma(x)


def nextafter(x, y):
    return math.nextafter(x, y)
