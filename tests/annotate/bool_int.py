# A bool meeting an int is an int (printed as a number: a warning says so, SEMANTICS.md); bools
# stay bools through & of bools.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph pick(c: bool) -> nonneg int (or bool)
# check: graph both(a: bool, b: bool) -> bool
# stderr-check: bool_int.py:17:5: warning: a value that may be a bool is an int here (nonneg int (or bool)): it is printed as a number, 1 or 0, not True or False

def pick(c):
    if c:
        return True
    return 3

def both(a, b):
    return a & b

def entry_point(argv):
    print(pick(len(argv) > 1))
    both(len(argv) > 1, len(argv) < 5)
    return 0
