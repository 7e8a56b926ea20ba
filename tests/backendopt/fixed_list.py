# A small fixed list made, indexed with constants and measured in a function that is inlined:
# at --opt=2 the list is gone (its items are variables, its length a constant, the bounds checks
# folded); a list indexed with a variable stays.
# run: rpp translate --stop-after=backendopt --opt=2 --dump=backendopt --interp %s
# check: graph @first_and_last(Signed) -> Signed {
# nextln: b0(x_0: Signed):
# nextln:   v1: Signed = int_add(x_0, 2)
# nextln:   v2: Signed = int_add(v1, 3)
# nextln:   goto return(v2)
# check: graph @pick(Signed) -> Signed {
# check: malloc_varsize(<GcArray(Signed)>, "gc", 3)
# check: first_and_last: 9
# nextln: total: 14


def first_and_last(x):
    l = [x, x + 1, 2]
    return l[0] + l[2] + len(l)


def pick(i):
    l = [4, 5, 6]
    return l[i]


def entry_point(argv):
    print("first_and_last:", first_and_last(len(argv) + 3))
    print("total:", pick(len(argv)) + first_and_last(len(argv)) + 3)
    return 0


def target(driver, args):
    return entry_point
