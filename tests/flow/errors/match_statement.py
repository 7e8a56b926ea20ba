# The match statement is not RPython.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: match_statement.py:6:5: error: the 'match' statement is not RPython: write an if/elif chain
def classify(x):
    match x:
        case 1:
            return "one"
        case _:
            return "many"

def entry_point(argv):
    classify(len(argv))
    return 0
