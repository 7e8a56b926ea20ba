# Unbounded recursion raises RecursionError (never a segfault): exit 1, `RecursionError: ...` last.
# run: rpp run %s
# exit: 1
# stdout: going down
# stderr-check: RecursionError: maximum recursion depth exceeded
def down(n):
    return down(n + 1) + 1


def entry_point(argv):
    print("going down")
    return down(0)
