# A `[` without its `]`.
# run: rpp run %S/../../../examples/bf/targetbf.py %S/unclosed.b
# exit: 1
# stderr-check: targetbf: unmatched '[' at instruction 1
