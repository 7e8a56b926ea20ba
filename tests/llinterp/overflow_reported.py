# Without intmask(), a wrapping multiplication is reported by --interp-check-overflow at its line
# (exit code 3); rpp run would compute a bignum.
# run: rpp translate --stop-after=rtype --interp-check-overflow %s
# exit: 3
# stdout: before
# stderr-check: overflow_reported.py:11:13: error: integer overflow: int_mul(
# stderr-check: wraps around (in graph grow
def grow(h, n):
    i = 0
    while i < n:
        h = h * 1000003 + i
        i += 1
    return h


def entry_point(argv):
    print("before")
    print(grow(len(argv), 10))
    return 0
