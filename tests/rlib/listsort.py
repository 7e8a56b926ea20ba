# TimSort: sorts like sorted(), is stable, and a subclass can change the order with lt.
# run: rpp run %s
# same-as: python3
# stdout: [1, 1, 2, 3, 4, 5, 6, 9]
# stdout: [] [7]
# stdout: [1, 3, 5, 4] [3, 5, 1, 4]
# stdout: ['a1', 'b1', 'b2', 'c1', 'a2', 'c2']
# stdout: [9, 6, 5, 4, 3, 2, 1, 1]
# stdout: ['fig', 'pear', 'kiwi', 'apple', 'banana']
# stdout: 0 mismatches in 40 lists
# stdout: ok
import random
import sys
from rpython.rlib.listsort import TimSort, make_timsort_class


class Item(object):
    def __init__(self, key, tag):
        self.key = key
        self.tag = tag


class ByKey(TimSort):
    def lt(self, a, b):
        return a.key < b.key


class Descending(TimSort):
    def lt(self, a, b):
        return a > b


class ByLength(TimSort):
    def lt(self, a, b):
        return len(a) < len(b)


# test data made at import time: random lists of (key, original index) and their sorted forms
_rng = random.Random(42)
CASES = []
for _n in [2, 3, 10, 63, 64, 65, 200, 1000, 3000, 5000]:
    for _kind in range(4):
        if _kind == 0:
            keys = [_rng.randint(0, 5) for _ in range(_n)]            # many equal keys
        elif _kind == 1:
            keys = [_rng.randint(0, 10 ** 9) for _ in range(_n)]
        elif _kind == 2:
            keys = sorted(_rng.randint(0, 100) for _ in range(_n))    # sorted, then disturbed
            for _ in range(3):
                i, j = _rng.randrange(_n), _rng.randrange(_n)
                keys[i], keys[j] = keys[j], keys[i]
        else:                                                         # blocks: galloping
            keys = []
            while len(keys) < _n:
                start = _rng.randint(0, 1000)
                keys.extend(range(start, start + _rng.randint(1, 100)))
            keys = keys[:_n]
        pairs = [(keys[i], i) for i in range(_n)]
        CASES.append((pairs, sorted(pairs, key=lambda p: p[0])))

PairSort = make_timsort_class(lt=lambda a, b: a[0] < b[0])


def entry_point(argv):
    lst = [3, 1, 4, 1, 5, 9, 2, 6]
    TimSort(lst).sort()
    print(lst)
    empty = []
    one = [7]
    TimSort(empty).sort()
    TimSort(one).sort()
    print(empty, one)
    part = [5, 3, 1, 4]
    TimSort(part, 3).sort()          # only the first 3 items
    part2 = [3, 5, 1, 4]
    TimSort(part2, 0).sort()
    print(part, part2)
    items = [Item(2, "b1"), Item(3, "c1"), Item(1, "a1"), Item(2, "b2"), Item(1, "a2"),
             Item(3, "c2")]
    ByKey(items, 4).sort()          # only the first 4 items, stably
    print([it.tag for it in items])
    lst = [3, 1, 4, 1, 5, 9, 2, 6]
    Descending(lst).sort()
    print(lst)
    words = ["apple", "pear", "banana", "fig", "kiwi"]
    ByLength(words).sort()
    print(words)            # stable: pear stays before kiwi
    mismatches = 0
    for pairs, expected in CASES:
        work = list(pairs)
        PairSort(work).sort()
        if work != expected:
            mismatches += 1
    print("%d mismatches in %d lists" % (mismatches, len(CASES)))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
