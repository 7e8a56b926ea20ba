# Tuples are immutable GcStructs named by their item types: made, indexed with constants
# (negative too), unpacked, returned, stored in attributes, prebuilt as constants, iterated when
# their items have one type; len() is a constant.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: gcstruct tuple2_Signed_Float immutable {
# nextln:   item0: Signed
# nextln:   item1: Float
# check: prebuilt &tuple3_Signed_Signed_Signed: tuple3_Signed_Signed_Signed {
# check: graph @minmax(Signed, Signed) -> Ptr(tuple2_Signed_Signed) {
# check: malloc(<tuple2_Signed_Signed>, "gc")
PRIMES = (2, 3, 5)


class Holder(object):
    def __init__(self, pair):
        self.pair = pair


def minmax(a, b):
    if a < b:
        return a, b
    return b, a


def scaled(n):
    return (n, n * 0.5)


def entry_point(argv):
    n = len(argv)
    lo, hi = minmax(n + 10, 3)
    t = scaled(n + 2)
    h = Holder(t)
    total = 0
    for p in PRIMES:
        total += p * n
    print(lo, hi, t[0], t[-1], h.pair[1], len(t), total, PRIMES[1], PRIMES[-1], t)
    return 0
