# str methods SEMANTICS.md allows: split, join, strip, replace, find, upper/lower, startswith,
# formatting with % and f-strings.
def entry_point(argv):
    line = "  Hello, World! Grüße  "
    s = line.strip()
    print(s.upper(), s.lower(), s.replace("l", "L"), s.find("World"))
    parts = s.split(", ")
    print("+".join(parts), len(parts), s.startswith("Hello"), s.endswith("!"))
    n = 42
    x = 3.14159
    print("%d items at %.2f" % (n, x), f"{n:>5}|{x:.3f}|{s!r}")
    print(repr("quote's"), int("123") + 1, float("2.5") * 2)
    return 0
