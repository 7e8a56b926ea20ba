# An exception while the target imports: its traceback (the user's frames) and exit 2.
# run: rpp run %s
# exit: 2
# stderr-check: rpp: error: importing {{.*}}import_exception.py raised an exception:
# stderr-check: import_exception.py", line 15, in build_table
# stderr-check: ZeroDivisionError: integer division or modulo by zero
# stderr-not: _rpp/target.py


def entry_point(argv):
    return 0


def build_table(n):
    return [100 // (n - i) for i in range(n + 1)]


TABLE = build_table(3)
