"""IEEE 754 binary formats: a float to its bit pattern and back, for half (2 bytes), single (4)
and double (8) precision. Written with arithmetic only (frexp/ldexp and integer operations), so
it is RPython and translates as it is.

float_pack(x, size) rounds to nearest, ties to even, and raises OverflowError when a finite x is
too large for the format; a nan packs to the quiet nan of the format (with x's sign bit).
"""

import math

from rpython.rlib.rarithmetic import r_ulonglong


def _format(size):
    """(mantissa digits including the hidden bit, min exponent, max exponent, total bits), with
    C's <float.h> conventions: a normal value is m * 2**e with 0.5 <= m < 1, MIN_EXP <= e <= MAX_EXP."""
    if size == 8:
        return 53, -1021, 1024, 64
    if size == 4:
        return 24, -125, 128, 32
    if size == 2:
        return 11, -13, 16, 16
    raise ValueError("invalid float size %d (2, 4 or 8)" % size)


def float_pack(x, size):
    """The IEEE bit pattern of float x in `size` bytes, as an r_ulonglong."""
    MANT_DIG, MIN_EXP, MAX_EXP, BITS = _format(size)
    EXP_ALL_ONES = MAX_EXP - MIN_EXP + 2
    sign = 1 if math.copysign(1.0, x) < 0.0 else 0
    if math.isnan(x):
        biased = EXP_ALL_ONES
        field = 1 << (MANT_DIG - 2)
    elif math.isinf(x):
        biased = EXP_ALL_ONES
        field = 0
    elif x == 0.0:
        biased = 0
        field = 0
    else:
        m, e = math.frexp(abs(x))
        # the value is sig * 2**q with an integral significand sig; normal numbers have
        # q = e - MANT_DIG, subnormal ones the fixed quantum q = MIN_EXP - MANT_DIG
        if e < MIN_EXP:
            q = MIN_EXP - MANT_DIG
        else:
            q = e - MANT_DIG
        exact = math.ldexp(m, e - q)        # exact: a scaling by a power of two
        sig = int(math.floor(exact))
        frac = exact - float(sig)
        if frac > 0.5 or (frac == 0.5 and sig & 1):
            sig += 1
        if sig == 1 << MANT_DIG:            # rounding carried into a new binary digit
            sig >>= 1
            q += 1
        if sig >= 1 << (MANT_DIG - 1):
            biased = q + MANT_DIG - MIN_EXP + 1
            field = sig - (1 << (MANT_DIG - 1))
        else:
            biased = 0
            field = sig
        if biased >= EXP_ALL_ONES:
            raise OverflowError("float too large to pack in %d bytes" % size)
    result = (sign << (BITS - 1)) | (biased << (MANT_DIG - 1)) | field
    return r_ulonglong(result)


def float_unpack(Q, size):
    """The float whose IEEE bit pattern in `size` bytes is the integer Q."""
    MANT_DIG, MIN_EXP, MAX_EXP, BITS = _format(size)
    EXP_ALL_ONES = MAX_EXP - MIN_EXP + 2
    Q = int(Q)
    if Q < 0 or Q >> BITS:
        raise ValueError("float_unpack: %d does not fit in %d bytes" % (Q, size))
    sign = Q >> (BITS - 1)
    biased = (Q >> (MANT_DIG - 1)) & ((1 << (BITS - MANT_DIG)) - 1)
    field = Q & ((1 << (MANT_DIG - 1)) - 1)
    if biased == EXP_ALL_ONES:
        if field == 0:
            result = math.inf
        else:
            result = math.nan
    elif biased == 0:
        result = math.ldexp(float(field), MIN_EXP - MANT_DIG)
    else:
        sig = field + (1 << (MANT_DIG - 1))
        result = math.ldexp(float(sig), biased + MIN_EXP - 1 - MANT_DIG)
    if sign:
        result = -result
    return result


def pack_float(x, size, be):
    """The `size` bytes of float x, big-endian if `be` else little-endian."""
    q = int(float_pack(x, size))
    out = []
    for i in range(size):
        out.append((q >> (8 * i)) & 0xFF)
    if be:
        out.reverse()
    return bytes(out)


def unpack_float(s, be):
    """The float stored in the bytes `s` (2, 4 or 8 of them), big-endian if `be`."""
    size = len(s)
    q = 0
    for i in range(size):
        byte = s[i] if be else s[size - 1 - i]
        q = (q << 8) | byte
    return float_unpack(q, size)
