# `is` between two ints (not literals: those are caught while flowing).
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_is_on_ints.py:9:8: error: `is` between nonneg int and nonneg int is not RPython: use == (identity of ints, floats and strings is not defined)

def entry_point(argv):
    n = len(argv)
    m = len(argv[0])
    if n is m:
        return 1
    return 0
