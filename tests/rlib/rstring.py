# StringBuilder / UnicodeBuilder / BytesBuilder: append, append_slice, append_multiple_char.
# run: rpp run %s
# same-as: python3
# stdout: hello, world!!! 15
# stdout: 0 ''
# stdout: ab-ab 5
# stdout: ValueError slice
# stdout: TypeError bytes
# stdout: ValueError char
# stdout: héllo ✓→ 8
# stdout: [104, 105, 0, 0, 33] 5
# stdout: 2000 True
# stdout: ['a', 'b', 'c'] ['a b', 'c'] x-y-z
# stdout: True False 2
# stdout: ok
import sys
from rpython.rlib.rstring import (StringBuilder, UnicodeBuilder, BytesBuilder, split, rsplit,
                                  replace, startswith, endswith, find, count)


def entry_point(argv):
    sb = StringBuilder()
    sb.append("hello")
    sb.append_slice("xx, worldxx", 2, 9)
    sb.append_multiple_char("!", 3)
    sb.append_multiple_char("?", 0)
    sb.append("")
    print(sb.build(), sb.getlength())
    e = StringBuilder(0)
    print(e.getlength(), repr(e.build()))
    b = StringBuilder(10)
    b.append("ab")
    first = b.build()
    b.append("-")
    b.append(first)           # building does not end the builder
    print(b.build(), b.getlength())
    try:
        b.append_slice("abc", 2, 5)
    except ValueError:
        print("ValueError slice")
    try:
        b.append(b"x")
    except TypeError:
        print("TypeError bytes")
    try:
        b.append_multiple_char("ab", 2)
    except ValueError:
        print("ValueError char")
    u = UnicodeBuilder()
    u.append("h\u00e9llo ")
    u.append_multiple_char("\u2713", 1)
    u.append_slice("\u2190\u2192", 1, 2)
    print(u.build(), u.getlength())
    bb = BytesBuilder()
    bb.append(b"hi")
    bb.append_multiple_char(b"\x00", 2)
    bb.append_slice(b"?!", 1, 2)
    print(list(bb.build()), bb.getlength())
    big = StringBuilder()
    for i in range(1000):
        big.append("ab")
    s = big.build()
    print(len(s), s == "ab" * 1000)
    print(split("a b c"), rsplit("a b c", " ", 1), replace("x y z", " ", "-"))
    print(startswith("hello", "he"), endswith("hello", "he"), count("banana", "an", 0, 6))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
