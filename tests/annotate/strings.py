# Text: s[i] is a char (one code point), char + char is a str, methods of str, bytes apart.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph text(s: str) -> tuple(char, str, list[str; fixed], bool, nonneg int, str, bytes)
# check: : builtin method split of str = getattr(
# check: graph raw(b: bytes = b'abc') -> tuple(nonneg int, str, bytes)

def text(s):
    c = s[0]
    return (c, c + c, s.split(","), s.startswith("x"), len(s), s.upper(), s.encode("utf-8"))

def raw(b):
    return (b[0], b.decode("utf-8"), b[1:3])

def entry_point(argv):
    text(argv[0])
    raw(b"abc")
    return 0
