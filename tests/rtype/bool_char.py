# Bools are ints in arithmetic; chars are code points (ord, chr, comparisons, str of them).
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: cast_bool_to_int
# check: unichar_lt
def entry_point(argv):
    n = len(argv)
    t = n > 0
    f = n < 0
    print(t + 1, t * 5, t and f, t or f, not t, t == f, t & f, t | f, t ^ t)
    s = "h\u20acllo"
    c = s[n]
    print(c, ord(c), chr(ord(c) + 1), c < "z", c == "\u20ac", len(s), s[-1], s + c)
    print(str(t), str(n), str(1.5), str(c))
    return 0
