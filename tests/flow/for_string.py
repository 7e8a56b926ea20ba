# for over a string: the same iteration protocol; the comparison result is switched on directly.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph count_a(s)
# check: v1 = iter(v0)
# check: v5 = next(v4)
# check: v12 = eq(v10, 'a')
# nextln: switch v12
# not: bool(
def count_a(s):
    n = 0
    for ch in s:
        if ch == 'a':
            n += 1
    return n

def entry_point(argv):
    return count_a(argv[0])
