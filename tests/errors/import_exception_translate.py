# The same for `rpp translate`.
# run: rpp translate %s
# exit: 2
# stderr-check: rpp: error: importing {{.*}}import_exception_translate.py raised an exception:
# stderr-check: KeyError: 'missing'
CONFIG = {}
VALUE = CONFIG["missing"]


def entry_point(argv):
    return 0
