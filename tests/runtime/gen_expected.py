"""Expected values for the runtime's unit tests, computed by CPython (/usr/bin/python3, the
embedded interpreter's build) at build time. Usage: gen_expected.py MODE OUT.inc, MODE one of
float_repr, format, parse, unicode, strings. Each writes a C++ array of cases (structs in
expected_cases.h); strings are UTF-8 C literals; an expected exception is "Type: message".
"""
import math
import random
import struct
import sys
import unicodedata


def c_str(text):
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    out = []
    for b in data:
        ch = chr(b)
        if 32 <= b < 127 and ch not in '"\\?':
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_double(x):
    if math.isnan(x):
        return "-NAN" if math.copysign(1.0, x) < 0 else "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    return x.hex()


def outcome(fn):
    try:
        return fn()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def float_values(rng):
    values = [0.0, -0.0, 1.0, -1.0, 7.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 1e-6,
              123456789012345678.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
              math.pi, math.e, 1.5, 2.5, 0.5, 100.0, 1e100, 1e-100, 9007199254740993.0, 0.001,
              float("inf"), float("-inf"), float("nan"), 12345.678, 9.999999999999999e22]
    for k in range(-30, 30):
        values.append(10.0 ** k)
        values.append(-(2.0 ** k) * 3)
    for _ in range(1500):
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if not math.isnan(x):
            values.append(x)
    for _ in range(1000):
        values.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)))
    for _ in range(300):
        values.append(float(rng.randint(-10 ** 17, 10 ** 17)))
    return values


def gen_float_repr(rng):
    lines = ["inline constexpr FloatReprCase kFloatReprCases[] = {"]
    for x in float_values(rng):
        lines.append("  {%s, %s}," % (c_double(x), c_str(repr(x))))
    lines.append("};")
    return lines


PERCENT_FLAGS = ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", "+#", " 0", "-#"]
PERCENT_WIDTHS = ["", "1", "8", "12"]
PERCENT_PRECISIONS = ["", ".0", ".1", ".3", ".10"]
MINI_ALIGN = ["", "<", ">", "^", "=", "*^", "0=", "x<"]
MINI_SIGN = ["", "+", " ", "-"]
MINI_Z = ["", "z"]
MINI_ALT = ["", "#"]
MINI_ZERO = ["", "0"]
MINI_WIDTH = ["", "1", "10", "15"]
MINI_GROUP = ["", ",", "_"]
MINI_PRECISION = ["", ".0", ".2", ".5"]


def gen_format(rng):
    ints = [0, 1, -1, 5, 42, -42, 255, -255, 1234567, -1234567, 2 ** 63 - 1, -2 ** 63, 65, 1000, 7]
    floats = [0.0, -0.0, 1.0, -1.5, 3.14159, 1e16, 1e-5, 123456.789, 1e100, float("inf"), float("-inf"),
              float("nan"), 0.5, 2.5, 1e22, 5e-324, 0.1, -0.0001234, 999.9996, 1e20, 12.0, 1e15, 0.125]
    strs = ["", "a", "abc", "h\u00e9llo", "\u20acuro", "longer text"]
    cases = []

    def add(kind, value, spec, expected):
        cases.append((kind, value, spec, expected))

    for _ in range(2500):
        kind = rng.choice("iifs")
        spec = "%" + rng.choice(PERCENT_FLAGS) + rng.choice(PERCENT_WIDTHS) + rng.choice(PERCENT_PRECISIONS)
        if kind == "s":
            spec += rng.choice("sssdx")
            value = rng.choice(strs)
        else:
            spec += rng.choice("diuxXoeEfFgGsr" if kind == "i" else "diueEfFgGsrx")
            value = rng.choice(ints if kind == "i" else floats)
        add(kind, value, spec, outcome(lambda: spec % (value,)))
    for _ in range(4000):
        kind = rng.choice("iifs")
        spec = (rng.choice(MINI_ALIGN) + rng.choice(MINI_SIGN) + (rng.choice(MINI_Z) if kind == "f" else "")
                + rng.choice(MINI_ALT) + rng.choice(MINI_ZERO) + rng.choice(MINI_WIDTH) + rng.choice(MINI_GROUP)
                + rng.choice(MINI_PRECISION))
        if kind == "s":
            spec += rng.choice(["", "", "s", "d"])
            value = rng.choice(strs)
        elif kind == "i":
            spec += rng.choice(["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "G", "s"])
            value = rng.choice(ints + [97, 0x20ac])
        else:
            spec += rng.choice(["", "", "e", "E", "f", "F", "g", "G", "%", "n", "d"])
            value = rng.choice(floats)
        add(kind, value, spec, outcome(lambda: format(value, spec)))
    for spec in ["", "%d", "%5s", "x", "#x", "#o", "#b", "010,", "08,", "09,", ",", "_", "_x", "012_b", "+"]:
        for v in [0, 1234, -1234, 1234567890]:
            add("i", v, spec, outcome(lambda: (spec % v) if spec.startswith("%") else format(v, spec)))
    lines = ["inline constexpr FormatCase kFormatCases[] = {"]
    for kind, value, spec, expected in cases:
        if kind == "i":
            v = "%dLL" % value if value != -2 ** 63 else "(-9223372036854775807LL - 1)"
            lines.append("  {'i', %s, 0.0, nullptr, %s, %s}," % (v, c_str(spec), c_str(expected)))
        elif kind == "f":
            lines.append("  {'f', 0, %s, nullptr, %s, %s}," % (c_double(value), c_str(spec), c_str(expected)))
        else:
            lines.append("  {'s', 0, 0.0, %s, %s, %s}," % (c_str(value), c_str(spec), c_str(expected)))
    lines.append("};")
    return lines


def gen_parse(rng):
    int_inputs = ["0", "1", "-1", "+7", "  42  ", "\t-13\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0o17",
                  "0b101", "0x_1f", "0_0", "00", "007", "0b", "0x", "", " ", "abc", "12a", "9223372036854775807",
                  "-9223372036854775808", "\u0661\u0662\u0663", "\u00a012\u2003", "1 2", "--1", "+-1", "z", "Z",
                  "ff", "-ff", "0x-1", "1e3", "1.0", "\uff11\uff12", "١٢٣", "0b1", "0o8", "10", "777", "zz"]
    bases = [10, 0, 16, 2, 8, 36, 1, 37, 3]
    lines = ["inline constexpr IntParseCase kIntParseCases[] = {"]
    for s in int_inputs:
        for b in bases:
            r = outcome(lambda: int(s, b))
            if isinstance(r, int):
                if not (-2 ** 63 <= r < 2 ** 63):
                    continue
                lines.append("  {%s, %d, %dLL, nullptr}," % (c_str(s), b, r) if r != -2 ** 63 else
                             "  {%s, %d, (-9223372036854775807LL - 1), nullptr}," % (c_str(s), b))
            else:
                lines.append("  {%s, %d, 0, %s}," % (c_str(s), b, c_str(r)))
    lines.append("};")
    float_inputs = ["0", "1", "-1.5", "  3.25  ", "1e10", "1E-5", ".5", "5.", ".", "e5", "1e", "1e+", "inf", "-inf",
                    "+Infinity", "INFINITY", "nan", "-NaN", "infinit", "1_000.5", "1__0", "1_.5", "1._5", "1e1_0",
                    "_1", "0x10", "1e400", "-1e400", "1e-400", "abc", "", " ", "\u0661.\u0665", "\u20031.5\u2003",
                    "1.7976931348623157e308", "4.9e-324", "0.1", "123456789012345678901234567890", "1.5e", "++1",
                    "1 .5", "nan1", "-0", "-0.0", "2.2250738585072011e-308", "9" * 400, "0." + "0" * 400 + "1"]
    for _ in range(300):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if not math.isnan(x):
            float_inputs.append(repr(x))
            float_inputs.append("%.25e" % x)
    lines.append("inline constexpr FloatParseCase kFloatParseCases[] = {")
    for s in float_inputs:
        r = outcome(lambda: float(s))
        if isinstance(r, float):
            lines.append("  {%s, %s, nullptr}," % (c_str(s), c_double(r)))
        else:
            lines.append("  {%s, 0.0, %s}," % (c_str(s), c_str(r)))
    lines.append("};")
    return lines


def fnv(h, value):
    for k in range(4):
        h ^= (value >> (8 * k)) & 0xFF
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def gen_unicode(rng):
    lines = ["inline constexpr uint64_t kUnicodePageHashes[] = {"]
    for page in range(0x110000 // 4096):
        h = 0xCBF29CE484222325
        for cp in range(page * 4096, (page + 1) * 4096):
            if 0xD800 <= cp <= 0xDFFF:
                continue
            c = chr(cp)
            bits = 0
            for i, m in enumerate([c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
                                   c.islower(), c.isupper(), c.isalnum(), c.isprintable(), c.isidentifier(),
                                   c.istitle()]):
                if m:
                    bits |= 1 << i
            h = fnv(h, bits)
            for mapped in (c.lower(), c.upper(), c.title()):
                h = fnv(h, len(mapped))
                for m in mapped:
                    h = fnv(h, ord(m))
        lines.append("  0x%016xull," % h)
    lines.append("};")
    return lines


SAMPLES = ["", "a", "Hello, World", "hELLO wORLD", "  spaced  out  ", "\t\n tabs\r\n", "stra\u00dfe",
           "\u0130stanbul", "\u03a3\u0391\u03a3 \u039f\u03a3.", "caf\u00e9 \u00e0 la cr\u00e8me", "\u4e2d\u6587 text",
           "emoji \U0001F600 ok", "ABC_def-123", "\u01c4\u01c5\u01c6 dz", "x\u0345\u03a3", "a\x01b\x7f\u0085c",
           "line1\nline2\r\nline3\rline4\x0bv\x0cf\x1c\x1d\x1e\u2028\u2029end", "it's", 'say "hi"', "both ' and \"",
           "back\\slash", "\u00a0nbsp\u00a0", "123", "\u0663\u0664", "\u00bd", "\u2167", "Title Case Words",
           "ﬁ ligature", "\u1e9e", "ǅungla", "ÀÉÎÕÜ", "mIxEd CaSe 42", "x" * 40, "a,b,,c,", ",,", "a  b   c"]


def gen_strings(rng):
    methods = [
        ("lower", lambda s: s.lower()), ("upper", lambda s: s.upper()), ("swapcase", lambda s: s.swapcase()),
        ("capitalize", lambda s: s.capitalize()), ("title", lambda s: s.title()),
        ("strip", lambda s: s.strip()), ("lstrip", lambda s: s.lstrip()), ("rstrip", lambda s: s.rstrip()),
        ("strip_chars", lambda s: s.strip("a\u00e9 ,x")), ("repr", lambda s: repr(s)),
        ("split", lambda s: repr(s.split())), ("split1", lambda s: repr(s.split(None, 1))),
        ("rsplit1", lambda s: repr(s.rsplit(None, 1))), ("split_comma", lambda s: repr(s.split(","))),
        ("split_comma2", lambda s: repr(s.split(",", 2))), ("rsplit_comma1", lambda s: repr(s.rsplit(",", 1))),
        ("splitlines", lambda s: repr(s.splitlines())), ("splitlines_keep", lambda s: repr(s.splitlines(True))),
        ("replace", lambda s: s.replace("a", "<A>")), ("replace_empty", lambda s: s.replace("", "-", 3)),
        ("ljust", lambda s: s.ljust(20, "*")), ("rjust", lambda s: s.rjust(20)), ("center", lambda s: s.center(21, "\u00b7")),
        ("zfill", lambda s: s.zfill(10)),
        ("isspace", lambda s: str(s.isspace())), ("isalpha", lambda s: str(s.isalpha())),
        ("isdigit", lambda s: str(s.isdigit())), ("isalnum", lambda s: str(s.isalnum())),
        ("isdecimal", lambda s: str(s.isdecimal())), ("isnumeric", lambda s: str(s.isnumeric())),
        ("isupper", lambda s: str(s.isupper())), ("islower", lambda s: str(s.islower())),
        ("istitle", lambda s: str(s.istitle())), ("isidentifier", lambda s: str(s.isidentifier())),
        ("isprintable", lambda s: str(s.isprintable())), ("isascii", lambda s: str(s.isascii())),
        ("find_o", lambda s: str(s.find("o"))), ("rfind_o", lambda s: str(s.rfind("o"))),
        ("find_range", lambda s: str(s.find("a", 2, -1))), ("count_a", lambda s: str(s.count("a"))),
        ("count_empty", lambda s: str(s.count(""))), ("find_empty_far", lambda s: str(s.find("", 50))),
        ("encode", lambda s: s.encode("utf-8").hex()), ("mul3", lambda s: s * 3),
        ("slice", lambda s: s[2:-3]), ("slice_neg", lambda s: s[-5:]), ("join", lambda s: "|".join(s.split())),
    ]
    lines = ["inline constexpr StrMethodCase kStrMethodCases[] = {"]
    for s in SAMPLES:
        for name, fn in methods:
            lines.append("  {%s, %s, %s}," % (c_str(name), c_str(s), c_str(outcome(lambda: fn(s)))))
    lines.append("};")
    return lines


def main():
    mode, out = sys.argv[1], sys.argv[2]
    rng = random.Random(20261129)
    lines = ["// Generated by tests/runtime/gen_expected.py %s with CPython %s. Do not edit." % (
        mode, sys.version.split()[0])]
    lines += globals()["gen_" + mode](rng)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
