# Without a program file: the usage line and exit code 2.
# run: rpp run %S/../../../examples/bf/targetbf.py
# exit: 2
# stderr-check: usage: targetbf.py PROGRAM.b
