# Assigning to an extended slice is not supported: a located error, never an assertion.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: extended_slice_assign.py:11:5: error: assignment to an extended slice is not supported (only l[a:b] = other)
# stderr-check: call chain: entry_point
# stderr-not: internal error
# stderr-not: Assertion


def every_other(l, m):
    l[::2] = m


def entry_point(argv):
    l = [1, 2, 3, 4]
    l.append(len(argv))
    every_other(l, [7, 8, 9])
    return len(l)
