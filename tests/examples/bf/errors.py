# Unbalanced brackets are reported before anything runs.
# run: rpp run %S/../../../examples/bf/targetbf.py %S/unbalanced.b
# exit: 1
# stderr-check: targetbf: unmatched ']' at instruction 4
