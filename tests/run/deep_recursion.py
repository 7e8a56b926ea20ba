# rpp run has a raised recursion limit and a large stack: legal deep recursion works.
# run: rpp run %s
# stdout: 50000
# stdout: 1250025000
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)


def entry_point(argv):
    print(depth(50000))
    print(total(50000))
    return 0
