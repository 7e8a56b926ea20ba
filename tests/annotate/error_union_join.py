# A variable that is an int on one path and a str on another: both assignments are named.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_union_join.py:12:9: error: the result of f() is int = 1 here but str = 'one' on another path, and they have no common type
# stderr-nextln: x = 1
# stderr-check: error_union_join.py:14:9: note: the result of f() is str = 'one' here
# stderr-nextln: x = "one"
# stderr-check: call chain: entry_point ({{.*}}error_union_join.py:18) -> f

def f(c):
    if c:
        x = 1
    else:
        x = "one"
    return x

def entry_point(argv):
    f(len(argv) > 1)
    return 0
