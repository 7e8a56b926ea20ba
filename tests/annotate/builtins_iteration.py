# Builtins and iteration: enumerate, zip, reversed, min/max, sorted, sum, any, chr/ord,
# str/int/float conversions, string formatting with % and f-strings.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph stats(xs: list[int; resized]) -> tuple(int, int, list[int; fixed], int, bool)
# check: graph walk(words: list[str; resized]) -> str
# check: enumerate iterator over list[str; resized]
# check: zip iterator over tuple(list[str; resized], list[int; resized])
# check: reversed iterator over list[str; resized]
# check: graph convert(s: str) -> tuple(int, float, str, char, nonneg int, str)

def stats(xs):
    return (min(xs), max(xs), sorted(xs), sum(xs), any(xs))

def walk(words):
    out = ""
    nums = [len(w) - 1 for w in words]
    for i, w in enumerate(words):
        out += "%d:%s " % (i, w)
    for w, n in zip(words, nums):
        out += f"{w}={n} "
    for w in reversed(words):
        out += w
    return out

def convert(s):
    n = int(s)
    f = float(s)
    return (n, f, str(n) + repr(f), chr(65 + len(s)), ord(s[0]), hex(n))

def entry_point(argv):
    xs = [len(a) - 2 for a in argv]
    print(stats(xs), walk(argv), convert(argv[0]))
    return 0
