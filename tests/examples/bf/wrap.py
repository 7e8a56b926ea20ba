# Cells are 8 bits and wrap: 0 - 1 + 66 = 65, "A" (then a newline).
# run: rpp run %S/../../../examples/bf/targetbf.py %S/wrap.b
# stdout: A
