# bytes methods with CPython's bytes rules (ASCII classes and case, ASCII whitespace), and
# str/bytes startswith/endswith with start and end.
def entry_point(argv):
    n = len(argv)
    b = b"  Hello, World! \xe9\xff  " + b"x" * (n - 1)
    print(b.find(b"o"), b.rfind(b"o"), b.find(b"o", 8), b.find(b"o", 2, 6), b.count(b"l"), b.count(b"l", 5))
    print(b.index(b"World"), b.rindex(b"l"), b"World" in b, b"world" in b, 72 in b, 104 in b)
    print(b.startswith(b"  He"), b.startswith(b"He", 2), b.startswith(b"He", 2, 3), b.endswith(b"  "),
          b.endswith((b"!", b"\xff  ")), b.endswith(b"!", 0, -5), b.startswith((b"x", b"y")))
    s = b.strip()
    print(len(s), s.decode("latin-1"), len(b.lstrip()), len(b.rstrip()), b.strip(b" \xe9\xffH").decode("latin-1"))
    print(s.upper().decode("latin-1"), s.lower().decode("latin-1"))
    print(b"123".isdigit(), b"12a".isdigit(), b"abc".isalpha(), b"\xe9".isalpha(), b" \t\n".isspace(),
          b"\xa0".isspace(), b"".isdigit(), b"a1".isalnum(), b"abc".islower(), b"ABC1".isupper(), b"1".islower())
    parts = b"a,b,,c".split(b",")
    print(len(parts), [p.decode("utf-8") for p in parts])
    words = b"  one two\tthree\x1cfour  ".split()
    print(len(words), [w.decode("latin-1") for w in words])
    print([w.decode("utf-8") for w in b"a b c d".split(None, 2)], [w.decode("utf-8") for w in b"a-b-c".split(b"-", 1)])
    print(b.replace(b"l", b"L").decode("latin-1"), b"aaa".replace(b"a", b"bb", 2).decode("utf-8"),
          b"ab".replace(b"", b"-").decode("utf-8"))
    print((b"ab" * 3).decode("utf-8"), (2 * b"xy").decode("utf-8"), len(b"ab" * -1))
    print(b"abcdef"[::2].decode("utf-8"), b"abcdef"[::-1].decode("utf-8"), b"abcdef"[1:5:3].decode("utf-8"))
    try:
        b.index(b"zzz")
    except ValueError as e:
        print("ValueError", str(e))
    for byte in [0, 255, 256, -1]:
        try:
            print(byte, byte in b)
        except ValueError as e:
            print(byte, "ValueError", str(e))
    t = "déjà vu, déjà"
    print(t.startswith("déjà", 0), t.startswith("vu", 5), t.startswith("vu", 5, 6), t.endswith("déjà", 0, 4),
          t.endswith(("x", "vu"), 0, 7), t.startswith("", 13), t.startswith("", 14), t.endswith("à", -1))
    return 0
