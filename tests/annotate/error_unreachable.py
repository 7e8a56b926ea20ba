# An operation that can never succeed (an item of a list nothing is ever added to): the code
# after it could never be reached.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_unreachable.py:11:9: error: `getitem` can never succeed here, so the code after it can never be reached: the list is always empty (nothing is ever added to it)
# stderr-nextln: x = lst[0]
# stderr-check: note: argument 0: list[impossible; fixed]

def entry_point(argv):
    lst = []
    x = lst[0]
    print(x)
    return 0
