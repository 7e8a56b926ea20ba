# A variable that may be unassigned (found while flowing).
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_unassigned.py:9:12: error: local variable 'y' may be used before it is assigned (it has no value on some path to here)

def entry_point(argv):
    if len(argv) > 1:
        y = 5
    return y
