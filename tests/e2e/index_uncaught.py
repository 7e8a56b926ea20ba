# An uncaught IndexError from a bounds check without the negative fix-up: the loop counter of
# range() is non-negative (the annotator proves it), so `items[i]` is checked by one unsigned
# comparison; one step past the end still raises CPython's IndexError, with the output before
# it flushed and exit code 1 (tests/e2e/index_checks.py has the caught cases).


def total(items, extra):
    t = 0
    for i in range(len(items) + extra):
        t += items[i]
        print(i, t)
    return t


def entry_point(argv):
    items = [3, 1, 4, 1, 5]
    print(total(items, 0))
    print(total(items, len(argv)))
    return 0


def target(driver, args):
    return entry_point, None
