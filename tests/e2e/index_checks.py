# Bounds-checked indexes (rtyper/checked_index.h): one unsigned comparison on the hot path, the
# negative fix-up and the IndexError on the cold path, no fix-up for indexes the annotator proves
# non-negative. Reads and writes of lists (resizable and fixed) and str items with negative
# indexes, indexes that are just in and just out of range on both ends, huge ones (whose fix-up
# would wrap), caught with CPython's messages. With an argument, a write is left uncaught.
import sys


def read(items, i):
    return items[i]


def write(items, i, x):
    items[i] = x


def char_at(s, i):
    return s[i]


def try_read(items, i):
    try:
        return str(read(items, i))
    except IndexError as e:
        return "IndexError: " + str(e)


def try_write(items, i):
    try:
        write(items, i, 100 + i % 1000)
        return str(items[i])
    except IndexError as e:
        return "IndexError: " + str(e)


def try_char(s, i):
    try:
        return char_at(s, i)
    except IndexError as e:
        return "IndexError: " + str(e)


def nonneg_sum(items):
    total = 0
    for i in range(len(items)):  # i is nonneg: no fix-up
        total += items[i] * (i + 1)
    i = 0
    while i < len(items):
        items[i] = items[i] + 1  # nonneg through `i + 1`
        i += 1
    return total


def entry_point(argv):
    n = len(argv)  # the indexes depend on argv: nothing is folded away
    items = [10, 20, 30, 40]
    items.append(50)
    fixed = [7, 8, 9]
    s = "abc\u20ac"
    probes = [0, 4, 5, -1, -5, -6, n - 1, -n, sys.maxsize, -sys.maxsize - 1, sys.maxsize - 2 + n]
    for i in probes:
        print(i, try_read(items, i), try_read(fixed, i), try_char(s, i), try_char("xyz", i))
    for i in probes:
        print(i, try_write(items, i), try_write(fixed, i))
    print(nonneg_sum(items), nonneg_sum(fixed), items[0], fixed[-1])
    total = 0
    k = 0
    for j in range(-len(items), len(items)):
        total += items[j] * j
        k += ord(s[j % len(s) - len(s)])
    print(total, k)
    if n > 1:  # e2e runs it with an argument: a write out of range (negative), uncaught
        write(fixed, -n - 10, 1)
        print("not reached")
    return 0


def target(driver, args):
    return entry_point, None
