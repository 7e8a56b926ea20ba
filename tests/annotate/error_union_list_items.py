# Items of one list: an int appended here, a str there.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_union_list_items.py:13:5: error: no common type for nonneg int and str
# stderr-check: error_union_list_items.py:8:5: note: the other type, nonneg int, comes from here

def fill(items, n):
    items.append(n)

def entry_point(argv):
    items = []
    fill(items, 1)
    items.append(argv[0])
    return 0
