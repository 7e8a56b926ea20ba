# bytes methods beyond the first set (rsplit, splitlines, partition, hex, fromhex, padding, case)
# and bytes as dict keys and in containers (b"a" and "a" are different keys, as in CPython).
def show(parts):
    return "[" + ", ".join([p.decode("latin-1") for p in parts]) + "]"


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        print("KeyError", str(e))
        return -1


def entry_point(argv):
    n = len(argv)
    b = b"  one two\tthree  " + b"x" * (n - 1)
    print(show(b.rsplit()), show(b.rsplit(None, 1)), show(b"a,b,,c".rsplit(b",")), show(b"a,b,c".rsplit(b",", 1)))
    print(show(b"a--b--c".rsplit(b"--", 0)), show(b"".rsplit()), show(b"".rsplit(b",")), show(b"--a--".rsplit(b"--")))
    print(show(b"a b  ".split(None, 1)), show(b"  a  ".split(None, 0)), show(b"  a b".rsplit(None, 1)),
          show(b"  a  ".rsplit(None, 0)), "a b  ".split(None, 1), "  a  ".rsplit(None, 0))
    lines = b"a\r\nb\rc\nd\x0be\x1cf\n\n" + b"g" * (n - 1)
    print(len(lines.splitlines()), show(lines.splitlines()), [x.hex() for x in lines.splitlines(True)], show(b"".splitlines()))
    for sep in [b"=", b"==", b"x", b"key"]:
        h, s, t = b"key=value==x".partition(sep)
        h2, s2, t2 = b"key=value==x".rpartition(sep)
        print(h.decode("utf-8"), s.decode("utf-8"), t.decode("utf-8"), "|", h2.decode("utf-8"), s2.decode("utf-8"),
              t2.decode("utf-8"))
    for sep in [b"", b"z" * (n - 1)]:
        try:
            b"abc".partition(sep)
        except ValueError as e:
            print("ValueError", str(e))
        try:
            b"abc".rsplit(sep)
        except ValueError as e:
            print("ValueError", str(e))
    raw = b"\x00\x01\xab\xff az" + b"\x10" * n
    print(raw.hex(), b"".hex(), raw.hex(":"), raw.hex(b"-", 2), raw.hex(" ", -3), raw.hex("_", 100), b"abc".hex(":", 0))
    for sep in ["::", "\xe9", ""]:
        try:
            print(b"ab".hex(sep))
        except ValueError as e:
            print("ValueError", str(e))
    back = bytes.fromhex(raw.hex())
    print(back == raw, len(back), bytes.fromhex(" 12 34\tab\nCD ").hex(), len(bytes.fromhex("")))
    for text in ["a", "0x", "zz", "1 2", "12 3", "z\xe9", "12\x1c34", " 1", "ab c"]:
        try:
            print(bytes.fromhex(text).hex())
        except ValueError as e:
            print("ValueError", str(e))
    w = b"ab" + b"c" * (n - 1)
    print(w.center(6, b"*").decode("utf-8"), w.center(7).decode("utf-8"), w.ljust(5, b".").decode("utf-8"),
          w.rjust(5, b"0").decode("utf-8"), w.ljust(1).decode("utf-8"), w.center(-3, b"x").decode("utf-8"))
    print(b"-12".zfill(6).decode("utf-8"), b"+".zfill(3).decode("utf-8"), b"ab".zfill(1).decode("utf-8"),
          b"".zfill(3).decode("utf-8"), b"7".zfill(4).decode("utf-8"))
    for fill in [b"ab", b""]:
        try:
            print(w.ljust(9, fill).decode("utf-8"))
        except TypeError as e:
            print("TypeError", str(e))
        try:
            print(w.center(9, fill).decode("utf-8"))
        except TypeError as e:
            print("TypeError", str(e))
    print(b"hello wORLD 1a\xe9b".title().decode("latin-1"), b"hELLO wORLD".capitalize().decode("utf-8"),
          b"hELLO \xe9".swapcase().decode("latin-1"), b"".title().decode("utf-8"))
    d = {b"a": 1, b"\xff\x00": 2}
    d[b"b" * n] = 3
    d[b"a"] = 10
    s = {"a": 100}
    print(d[b"a"], d[b"\xff\x00"], d[b"b"], b"a" in d, b"c" in d, "a" in s, len(d))
    print(lookup(d, b"zz'"), lookup(d, b"\x00\n"), lookup(d, b"q" * n))
    del d[b"\xff\x00"]
    d[b""] = 4
    print(show([k for k in d]), [d[k] for k in d], d.get(b"", -1), d.get(b"nope", -1), d.pop(b"a"))
    counts = {}
    for word in b"the cat and the hat and the bat".split():
        counts[word] = counts.get(word, 0) + 1
    print(show([k for k in counts.keys()]), [v for v in counts.values()])
    pairs = {(b"x", 1): "x1", (b"y", 2): "y2"}
    pairs[(b"x", n)] = "xn"
    print(pairs[(b"x", 1)], pairs[(b"y", 2)], (b"x", 2) in pairs, len(pairs))
    items = [b"b", b"a", b"c" * n]
    print(b"a" in items, b"z" in items, items.index(b"a"), (b"a", b"b") == (b"a", b"b"), [b"a"] == [b"a"],
          (b"a", 1) < (b"b", 0), [b"b"] > [b"a", b"z"])
    return 0
