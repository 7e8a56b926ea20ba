# A syntax error: FILE:LINE:COL, the message, the source line; exit 2, no Python traceback.
# run: rpp run %s
# exit: 2
# stderr-check: syntax_error.py:10:15: error: syntax error: {{.*}}
# stderr-nextln: if x == 1 return 2
# stderr-nextln:               ^
# stderr-not: Traceback
def entry_point(argv):
    x = len(argv)
    if x == 1 return 2
    return 0
