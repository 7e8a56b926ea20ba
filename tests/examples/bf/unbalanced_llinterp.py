# The BF interpreter in the ll interpreter: a ValueError from parse() with a % formatted
# message, caught and written to fd 2 with os.write; exit code 1.
# run: rpp translate --stop-after=rtype --interp-check-overflow %S/../../../examples/bf/targetbf.py -- %S/unbalanced.b
# exit: 1
# stderr-check: targetbf: unmatched
