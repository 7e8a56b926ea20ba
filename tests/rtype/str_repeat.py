# str * int and int * str (a char too) are $str_mul: a count <= 0 gives the empty str, wide
# strs stay wide; the ll interpreter's output equals rpp run's (both differential manifests).
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @entry_point(
# check: direct_call($str_mul,
# check: direct_call($str_mul,
def repeat(s, n):
    return s * n


def entry_point(argv):
    n = len(argv) + 2
    print(repeat("ab", n), n * "-", "x" * 0, "y" * -3)
    print(repeat("é€", 2), len("€" * n))
    c = "abc"[n % 3]
    c *= 4
    print(c, "[" + "=" * (n * 2) + "]")
    return 0
