# A program file that does not exist.
# run: rpp run %S/../../../examples/bf/targetbf.py %S/no-such-file.b
# exit: 1
# stderr-check: targetbf: cannot read {{.*}}no-such-file.b
