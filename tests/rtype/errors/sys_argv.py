# sys.argv in translated code is a located error (untranslated it is the translator's own argv):
# the program receives its arguments as entry_point's argv. At module level it is allowed.
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: sys_argv.py:14:{{[0-9]+}}: error: sys.argv is not RPython
# stderr-check: use entry_point's argv
# stderr-not: internal error
import sys

NAME_AT_IMPORT = len(sys.argv) > 0


def count():
    return len(sys.argv)


def entry_point(argv):
    return count()
