# An operation the annotator accepts but that has no low-level implementation is a located
# error: the source line with a caret, the operation with the annotations of its arguments, and
# the chain of calls; never an internal assertion.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: no_lowlevel_implementation.py:14:12: error: no low-level implementation of 'lt' for (list[dict[nonneg int, nonneg int]; fixed], list[dict[nonneg int, nonneg int]; fixed])
# stderr-nextln:     return a < b
# stderr-nextln:            ^
# stderr-check: note: operation: lt(list[dict[nonneg int, nonneg int]; fixed], list[dict[nonneg int, nonneg int]; fixed]) -> bool
# stderr-check: call chain: entry_point
# stderr-not: internal error
# stderr-not: Assertion
def same(a, b):
    return a < b


def entry_point(argv):
    n = len(argv)
    if same([{n: 1}], [{1: n}]):  # dicts have no ordering
        return 1
    return 0
