# A callee raising a known class, inlined into a try/except: the class-id test against the
# handler folds (the vtable's class-id range is immutable static data), so the raise becomes a
# plain jump to the handler: no call, no class test left in @f.
# run: rpp translate --stop-after=backendopt --dump=backendopt --interp %s
# check: graph @f(Signed) -> Signed {
# not: direct_call
# not: int_between
# not: subclassrange
# check: graph @check(
# check: f: 10 -1


class MyError(Exception):
    pass


def check(x):
    if x < 0:
        raise MyError
    return x * 2


def f(x):
    try:
        return check(x)
    except MyError:
        return -1


def entry_point(argv):
    print("f:", f(len(argv) + 4), f(-len(argv)))
    return 0


def target(driver, args):
    return entry_point
