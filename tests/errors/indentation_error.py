# An indentation error is reported like a syntax error, with its kind.
# run: rpp run %s
# exit: 2
# stderr-check: indentation_error.py:8:{{[0-9]+}}: error: IndentationError: {{.*}}
def entry_point(argv):
    x = 1
    if x:
    return 2
