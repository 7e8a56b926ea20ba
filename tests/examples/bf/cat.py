# `,` reads one byte of standard input; at the end of the input the cell becomes 0.
# run: rpp run %S/../../../examples/bf/targetbf.py %S/cat.b
# stdin: abc
# stdin: de
# stdout: abc
# stdout: de
