"""Machine integers: what a translated 64-bit program computes, computed untranslated.

A plain `int` in RPython is a signed 64-bit word. Untranslated, `+ - * <<` on plain ints grow
bignums (translated they wrap): `intmask()` gives the wrapped value, and `ovfcheck(x OP y)` raises
OverflowError when the exact result does not fit a signed word (translated: an `_ovf` operation).

The typed integers `r_uint`, `r_longlong`, `r_ulonglong`, `r_int32`, ... are `int` subclasses that
wrap after every operation, as the C types do. Mixing a typed int with a plain int gives the typed
int; two typed ints of the same signedness give the wider; mixing signed and unsigned typed ints,
and comparing an unsigned int with a negative number, are TypeErrors (the translator rejects both).
On this 64-bit target `r_longlong is r_int` and `r_ulonglong is r_uint`.
"""


LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
LONG_BIT_SHIFT = 6           # log2(LONG_BIT)
LONGLONG_BIT = 64
LONGLONG_MASK = (1 << LONGLONG_BIT) - 1
LONGLONG_TEST = 1 << (LONGLONG_BIT - 1)
LONGLONGLONG_BIT = 128
LONGLONGLONG_MASK = (1 << LONGLONGLONG_BIT) - 1
LONGLONGLONG_TEST = 1 << (LONGLONGLONG_BIT - 1)

maxint = LONG_TEST - 1       # RPython's replacement for sys.maxint
is_emulated_long = False

# the C types `short` and `int` (16 and 32 bits on every supported platform)
SHRT_MIN = -(1 << 15)
SHRT_MAX = (1 << 15) - 1
USHRT_MAX = (1 << 16) - 1
INT_MIN = -(1 << 31)
INT_MAX = (1 << 31) - 1


def _wrap(n, bits, signed):
    n &= (1 << bits) - 1
    if signed and n >> (bits - 1):
        n -= 1 << bits
    return n


def _check_int(n, what):
    if isinstance(n, float):
        raise TypeError("%s() of a float (%r): convert it with int() first" % (what, n))
    if not isinstance(n, int):
        raise TypeError("%s() expects an int, not %s" % (what, type(n).__name__))


def intmask(n):
    """The plain int (signed 64-bit word) with the same low 64 bits as `n`."""
    _check_int(n, "intmask")
    return _wrap(int(n), LONG_BIT, True)


def longlongmask(n):
    """`n` wrapped to an r_longlong."""
    _check_int(n, "longlongmask")
    return r_longlong(n)


def longlonglongmask(n):
    """`n` wrapped to an r_longlonglong (128 bits)."""
    _check_int(n, "longlonglongmask")
    return r_longlonglong(n)


def is_valid_int(r):
    """Whether `r` is an int that fits a signed 64-bit word."""
    return isinstance(r, int) and -LONG_TEST <= r < LONG_TEST


def ovfcheck(r):
    """Use as `ovfcheck(x + y)` (also - * << unary - abs // on plain ints): returns the result,
    or raises OverflowError when the exact result does not fit a signed 64-bit word."""
    if isinstance(r, base_int):
        raise TypeError("ovfcheck() of a %s: typed integers wrap; use plain ints"
                        % type(r).__name__)
    if not isinstance(r, int):
        raise TypeError("ovfcheck() expects an int, not %s" % type(r).__name__)
    if not -LONG_TEST <= r < LONG_TEST:
        raise OverflowError("signed integer expression did overflow")
    return r


def ovfcheck_float_to_int(x):
    """int(x) for a float x, or OverflowError when x is nan or outside the signed word range."""
    if not isinstance(x, float):
        raise TypeError("ovfcheck_float_to_int() expects a float")
    if x != x:
        raise OverflowError("cannot convert float NaN to integer")
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    raise OverflowError("float too large to convert to integer")


def ovfcheck_float_to_longlong(x):
    """r_longlong(x) for a float x, or OverflowError (as ovfcheck_float_to_int)."""
    return r_longlong(ovfcheck_float_to_int(x))


def widen(n):
    """A typed integer narrower than a word, or a signed one, as a plain int; an r_uint (or
    r_ulonglong) stays as it is; a bool becomes 0 or 1."""
    if isinstance(n, base_int):
        if n.BITS < LONG_BIT or (n.BITS == LONG_BIT and n.SIGNED):
            return int(n)
        return n
    if isinstance(n, bool):
        return int(n)
    _check_int(n, "widen")
    return n


# ____________________________________________________________
# typed integers

def _restype(a, b):
    """The class of the result of a binary operation between classes a and b."""
    if a is b:
        return int if a is bool else a
    a_typed = issubclass(a, base_int)
    b_typed = issubclass(b, base_int)
    if not b_typed:
        return a if a_typed else int
    if not a_typed:
        return b
    if a.SIGNED != b.SIGNED:
        raise TypeError("cannot mix %s and %s in an operation (signed and unsigned): convert "
                        "one of them first" % (a.__name__, b.__name__))
    return a if a.BITS >= b.BITS else b


def _binop(name, op):
    def method(self, other):
        if isinstance(other, float):
            return op(int(self), other)
        if not isinstance(other, int):
            return NotImplemented
        cls = _restype(type(self), type(other))
        return cls(op(int(self), int(other)))

    def rmethod(self, other):
        if isinstance(other, float):
            return op(other, int(self))
        if not isinstance(other, int):
            return NotImplemented
        cls = _restype(type(other), type(self))
        return cls(op(int(other), int(self)))

    method.__name__ = "__%s__" % name
    rmethod.__name__ = "__r%s__" % name
    return method, rmethod


def _divmod(a, b):
    return a // b, a % b


def _compare(name, op):
    def method(self, other):
        if isinstance(other, float):
            return op(int(self), other)
        if not isinstance(other, int):
            return NotImplemented
        if isinstance(other, base_int):
            if other.SIGNED != self.SIGNED:
                raise TypeError("comparing a %s with a %s (signed and unsigned)"
                                % (type(self).__name__, type(other).__name__))
        elif not self.SIGNED and other < 0:
            raise TypeError("comparing a %s with the negative number %d"
                            % (type(self).__name__, other))
        return op(int(self), int(other))
    method.__name__ = "__%s__" % name
    return method


class base_int(int):
    """A machine integer of BITS bits, SIGNED or not, that wraps around (abstract)."""
    SIGNED = True
    BITS = 0
    MASK = 0

    def __new__(cls, value=0):
        if not cls.BITS:
            raise TypeError("%s is abstract; use r_uint, r_longlong, ..." % cls.__name__)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise OverflowError("cannot convert %r to %s" % (value, cls.__name__))
            value = int(value)
        elif isinstance(value, str):
            value = int(value)
        elif not isinstance(value, int):
            raise TypeError("%s() expects an int, not %s" % (cls.__name__, type(value).__name__))
        return int.__new__(cls, _wrap(int(value), cls.BITS, cls.SIGNED))

    __add__, __radd__ = _binop("add", lambda a, b: a + b)
    __sub__, __rsub__ = _binop("sub", lambda a, b: a - b)
    __mul__, __rmul__ = _binop("mul", lambda a, b: a * b)
    __floordiv__, __rfloordiv__ = _binop("floordiv", lambda a, b: a // b)
    __mod__, __rmod__ = _binop("mod", lambda a, b: a % b)
    __and__, __rand__ = _binop("and", lambda a, b: a & b)
    __or__, __ror__ = _binop("or", lambda a, b: a | b)
    __xor__, __rxor__ = _binop("xor", lambda a, b: a ^ b)

    def __divmod__(self, other):
        if isinstance(other, float):
            return divmod(int(self), other)
        if not isinstance(other, int):
            return NotImplemented
        cls = _restype(type(self), type(other))
        q, r = _divmod(int(self), int(other))
        return cls(q), cls(r)

    def __rdivmod__(self, other):
        if isinstance(other, float):
            return divmod(other, int(self))
        if not isinstance(other, int):
            return NotImplemented
        cls = _restype(type(other), type(self))
        q, r = _divmod(int(other), int(self))
        return cls(q), cls(r)

    def __truediv__(self, other):
        if isinstance(other, (int, float)):
            return int(self) / (int(other) if isinstance(other, int) else other)
        return NotImplemented

    def __rtruediv__(self, other):
        if isinstance(other, (int, float)):
            return (int(other) if isinstance(other, int) else other) / int(self)
        return NotImplemented

    def __pow__(self, other, mod=None):
        if isinstance(other, int) and other >= 0:
            cls = _restype(type(self), type(other))
            if mod is None:
                return cls(int(self) ** int(other))
            return cls(pow(int(self), int(other), int(mod)))
        if isinstance(other, (int, float)):
            return int(self) ** (int(other) if isinstance(other, int) else other)
        return NotImplemented

    def __rpow__(self, other):
        if isinstance(other, int) and int(self) >= 0:
            cls = _restype(type(other), type(self))
            return cls(int(other) ** int(self))
        if isinstance(other, (int, float)):
            return (int(other) if isinstance(other, int) else other) ** int(self)
        return NotImplemented

    # shifts: the result has the type of the left operand
    def __lshift__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        n = int(n)
        if n < 0:
            raise ValueError("negative shift count")
        if n >= self.BITS:
            return self.__class__(0)
        return self.__class__(int(self) << n)

    def __rshift__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        n = int(n)
        if n < 0:
            raise ValueError("negative shift count")
        return self.__class__(int(self) >> min(n, self.BITS))

    def __rlshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return int(other) << int(self)

    def __rrshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return int(other) >> int(self)

    def __neg__(self):
        return self.__class__(-int(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return self.__class__(abs(int(self)))

    def __invert__(self):
        return self.__class__(~int(self))

    __eq__ = _compare("eq", lambda a, b: a == b)
    __ne__ = _compare("ne", lambda a, b: a != b)
    __lt__ = _compare("lt", lambda a, b: a < b)
    __le__ = _compare("le", lambda a, b: a <= b)
    __gt__ = _compare("gt", lambda a, b: a > b)
    __ge__ = _compare("ge", lambda a, b: a >= b)
    __hash__ = int.__hash__

    def __repr__(self):
        return int.__repr__(self)

    __str__ = __repr__


class signed_int(base_int):
    SIGNED = True


class unsigned_int(base_int):
    SIGNED = False


_inttypes = {}


def build_int(name, sign, bits, force_creation=False):
    """The typed-integer class with `bits` bits, signed if `sign`. Classes are shared per
    (sign, bits) unless force_creation is set."""
    sign = bool(sign)
    if not force_creation and (sign, bits) in _inttypes:
        return _inttypes[sign, bits]
    if name is None:
        raise TypeError("no predefined %sint%d" % ("" if sign else "u", bits))
    base = signed_int if sign else unsigned_int
    cls = type(name, (base,), {"BITS": bits, "MASK": (1 << bits) - 1, "SIGN": sign,
                               "__module__": __name__})
    if not force_creation:
        _inttypes[sign, bits] = cls
    return cls


r_int = build_int("r_int", True, LONG_BIT)
r_uint = build_int("r_uint", False, LONG_BIT)
r_longlong = build_int("r_longlong", True, 64)         # is r_int on this 64-bit target
r_ulonglong = build_int("r_ulonglong", False, 64)      # is r_uint
r_longlonglong = build_int("r_longlonglong", True, 128)
r_ulonglonglong = build_int("r_ulonglonglong", False, 128)
r_int64 = r_longlong
r_uint64 = r_ulonglong
r_int32 = build_int("r_int32", True, 32)
r_uint32 = build_int("r_uint32", False, 32)
r_int16 = build_int("r_int16", True, 16)
r_uint16 = build_int("r_uint16", False, 16)
r_int8 = build_int("r_int8", True, 8)
r_uint8 = build_int("r_uint8", False, 8)

longlongmax = r_longlong(LONGLONG_TEST - 1)
UINT_MAX = r_uint((1 << 32) - 1)


def _int_class(tp):
    if tp is int or tp is bool:
        return r_int
    if isinstance(tp, type) and issubclass(tp, base_int):
        return tp
    raise TypeError("not an integer type: %r" % (tp,))


def most_neg_value_of(tp):
    """The smallest value of the integer type `tp` (int or a typed-integer class)."""
    cls = _int_class(tp)
    if not cls.SIGNED:
        return cls(0)
    value = -(1 << (cls.BITS - 1))
    return value if tp is int else cls(value)


def most_pos_value_of(tp):
    """The largest value of the integer type `tp`."""
    cls = _int_class(tp)
    value = cls.MASK if not cls.SIGNED else (1 << (cls.BITS - 1)) - 1
    return value if tp is int else cls(value)


def most_neg_value_of_same_type(x):
    return most_neg_value_of(type(x))


def most_pos_value_of_same_type(x):
    return most_pos_value_of(type(x))


def is_signed_integer_type(tp):
    return _int_class(tp).SIGNED


def signedtype(t):
    """The signed type of the same size as `t`."""
    cls = _int_class(t)
    if cls.SIGNED:
        return t
    return int if cls.BITS == LONG_BIT else build_int(None, True, cls.BITS)


def normalizedinttype(t):
    """int for the word-sized signed type, r_uint for the word-sized unsigned type, else t."""
    cls = _int_class(t)
    if cls.BITS == LONG_BIT:
        return int if cls.SIGNED else r_uint
    return cls


def check_support_int128():
    return True


# ____________________________________________________________
# helpers

def highest_bit(n):
    """The position of the single bit set in `n`, a power of two."""
    _check_int(n, "highest_bit")
    if n <= 0 or n & (n - 1):
        raise ValueError("highest_bit() expects a power of two, not %d" % n)
    return int(n).bit_length() - 1


def int_between(n, m, p):
    """n <= m < p (a single unsigned comparison when translated)."""
    return n <= m < p


def int_force_ge_zero(n):
    """max(n, 0)."""
    return n if n > 0 else 0


def int_c_div(x, y):
    """Division rounding toward zero, as C does (`INT_MIN // -1` wraps to INT_MIN)."""
    _check_int(x, "int_c_div")
    _check_int(y, "int_c_div")
    if y == 0:
        raise ZeroDivisionError("integer division by zero")
    q = abs(int(x)) // abs(int(y))
    if (x < 0) != (y < 0):
        q = -q
    return intmask(q)


def int_c_mod(x, y):
    """The remainder of int_c_div: it has the sign of x, as in C."""
    _check_int(x, "int_c_mod")
    _check_int(y, "int_c_mod")
    if y == 0:
        raise ZeroDivisionError("integer modulo by zero")
    r = abs(int(x)) % abs(int(y))
    return intmask(-r if x < 0 else r)


def mulmod(a, b, c):
    """(a * b) % c without overflow, for c > 0: a result in [0, c)."""
    if c <= 0:
        raise ValueError("mulmod() needs a positive modulus")
    return intmask((int(a) * int(b)) % int(c))


def uint_mul_high(a, b):
    """The high 64 bits of the 128-bit product of two r_uint."""
    return r_uint((int(a) * int(b)) >> 64)


def byteswap(arg):
    """`arg` with its bytes in the opposite order (its type's size; 8 bytes for int)."""
    if isinstance(arg, float):
        from rpython.rlib.rstruct.ieee import float_pack, float_unpack
        return float_unpack(byteswap(float_pack(arg, 8)), 8)
    _check_int(arg, "byteswap")
    if isinstance(arg, base_int):
        cls, nbytes = type(arg), arg.BITS // 8
    else:
        cls, nbytes = intmask, 8
    value = int(arg) & ((1 << (8 * nbytes)) - 1)
    result = int.from_bytes(value.to_bytes(nbytes, "little"), "big")
    return cls(result)


def string_to_int(s, base=10, allow_underscores=False, no_implicit_octal=False):
    """Parses an int as Python 3's int(s, base) does (whitespace, sign, base prefixes, and
    underscores only if allow_underscores), for ASCII text. Raises rstring.ParseStringError on
    bad input, rstring.InvalidBaseError on a bad base, rstring.ParseStringOverflowError when the
    value does not fit a signed word."""
    from rpython.rlib.rstring import (InvalidBaseError, ParseStringError,
                                      ParseStringOverflowError)
    if base != 0 and not 2 <= base <= 36:
        raise InvalidBaseError("int() base must be >= 2 and <= 36, or 0")
    bad = ParseStringError("invalid literal for int() with base %d: %r" % (base, s))
    for ch in s:
        if ord(ch) > 127:
            raise bad
    if "_" in s and not allow_underscores:
        raise bad
    try:
        value = int(s, base)
    except ValueError:
        raise bad
    if not -LONG_TEST <= value < LONG_TEST:
        raise ParseStringOverflowError("int too large for a machine word: %r" % (s,))
    return value


# ____________________________________________________________
# floats of other sizes

class r_singlefloat(object):
    """A C float (32 bits). Only conversions: float(x), and r_singlefloat(float)."""

    def __init__(self, floatval):
        from rpython.rlib.rstruct.ieee import float_pack
        if isinstance(floatval, r_singlefloat):
            self._bits = floatval._bits
        else:
            self._bits = float_pack(float(floatval), 4)

    def __float__(self):
        from rpython.rlib.rstruct.ieee import float_unpack
        return float_unpack(self._bits, 4)

    def __bool__(self):
        return float(self) != 0.0

    def __eq__(self, other):
        return isinstance(other, r_singlefloat) and self._bits == other._bits

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._bits)

    def __repr__(self):
        return "r_singlefloat(%r)" % float(self)


class r_longfloat(object):
    """A C long double, kept as a float: only conversions."""

    def __init__(self, floatval):
        self.value = float(floatval)

    def __float__(self):
        return self.value

    def __bool__(self):
        return self.value != 0.0

    def __eq__(self, other):
        return isinstance(other, r_longfloat) and self.value == other.value

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.value)

    def __repr__(self):
        return "r_longfloat(%r)" % self.value

