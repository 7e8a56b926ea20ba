# --opt=0 leaves the rtyper's graphs alone (the call and the tuple stay); --opt=1 folds and
# removes dead code but neither inlines nor removes mallocs.
# run: rpp translate --stop-after=backendopt --opt=0 --dump=backendopt %s
# check: graph @f(Signed) -> Signed {
# check: direct_call(@pair
# check: getfield
# stderr-check: backendopt: 0 calls inlined, 0 mallocs removed, 0 constants folded, 0 dead operations and arguments removed, 0 if-chains merged into switches


def pair(x):
    return (x, x * 2)


def f(x):
    a, b = pair(x + (3 * 4))
    return a + b


def entry_point(argv):
    print("f:", f(len(argv)))
    return 0


def target(driver, args):
    return entry_point
