# An uncaught exception raised in inlined functions: at --opt=2 `check`, `deeper` and `pick` are
# inlined into entry_point, and the translated program's traceback still names each of them
# as at --opt=0 (tests/backendopt/traceback_inlined.py compares the two). Caught exceptions
# before it (the end of a range loop, an IndexError) leave nothing in the traceback.
# With an argument: an IndexError from a list read inlined through `pick`.
class Oops(Exception):
    pass


def check(n):
    if n > 3:
        raise Oops()
    return n * 2


def deeper(n):
    return check(n) + 1


def pick(items, i):
    return items[i]


def entry_point(argv):
    items = [1, 2, 3]
    total = 0
    for i in range(3):
        total += deeper(i)
    print(total)
    try:
        pick(items, 5)
    except IndexError:
        print("caught")
    if len(argv) > 1:
        print(pick(items, len(argv) + 5))
    print(deeper(len(argv) + 3))
    return 0


def target(driver, args):
    return entry_point
