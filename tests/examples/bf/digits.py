# Nested loops, moving and copying cells: prints the ten digits, then a newline.
# run: rpp run %S/../../../examples/bf/targetbf.py %S/digits.b
# stdout: 0123456789
