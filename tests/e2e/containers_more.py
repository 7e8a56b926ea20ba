# Containers, part 2: sort / sorted / min / max / sum, extended slices, slice deletion, == of
# lists and tuples, `in` a tuple, tuple dict keys, dict pop / popitem / setdefault / update /
# copy, r_dict (its keys/values/items lists), sorted() of a dict, str.format, index / rindex, startswith of a tuple, partition, and a TimSort
# subclass ordering instances with lt().
from rpython.rlib.listsort import TimSort
from rpython.rlib.objectmodel import r_dict


class Person(object):
    def __init__(self, name, age):
        self.name = name
        self.age = age


class ByAge(TimSort):
    def lt(self, a, b):
        return a.age < b.age


def same_text(a, b):
    return a.lower() == b.lower()


def text_hash(a):
    return len(a)


def entry_point(argv):
    n = len(argv)
    nums = []
    for i in range(40):
        nums.append((i * 7919 + n) % 101 - 50)
    nums.sort()
    print(nums[:6], nums[-3:], min(nums), max(nums), sum(nums))
    words = "the quick brown fox jumps over the lazy dog".split()
    print(sorted(words), sorted(words, reverse=True)[:3], min(words), max(words))
    floats = [0.5, -2.25, 3.0]
    floats.append(float(n))
    floats.sort(reverse=True)
    print(floats, sum(floats), sum(nums, 1000))
    people = [Person("ann", 31), Person("bob", 25), Person("cid", 31), Person("dan", 19), Person("eve", 25)]
    ByAge(people).sort()
    print(" ".join([p.name + ":" + str(p.age) for p in people]))
    print(nums[::7], nums[30:5:-9], "stressed"[::-1], "abcdefgh"[1::3])
    del nums[3:30]
    print(nums, len(nums))
    print([1, 2] == [1, 2], [1, 2] != [1, n], (n, "a") == (1, "a"), n in (0, 1), "fox" in ("cat", "dog"))
    pairs = {}
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1][0])
        pairs[key] = pairs.get(key, 0) + i
    print(len(pairs), pairs[("the", "q")], ("the", "l") in pairs, ("dog", "x") in pairs)
    ages = {"ann": 31}
    print(ages.setdefault("bob", 25), ages.setdefault("ann", 0), ages.pop("ann"), ages.pop("zed", -1))
    ages.update({"cid": 40, "dan": 19})
    backup = ages.copy()
    print(ages.popitem(), len(ages), len(backup))
    ci = r_dict(same_text, text_hash)
    for w in ["Apple", "APPLE", "pear", "Pear", "fig"]:
        ci[w] = ci.get(w, 0) + 1
    print(len(ci), ci["apple"], ci["PEAR"], ci["Fig"], ci.keys(), ci.values(), ci.items())
    print(sorted(backup), sorted(backup.keys(), reverse=True), sorted(backup.values()))
    print("{0}+{0}={1} {name!r} {2:>7.3f}".format(n, n * 2, 2.0 / 3.0, name="x"))
    s = "a.b.c"
    print(s.index("."), s.rindex("."), s.partition("."), s.rpartition("."), s.startswith(("x", "a.")))
    try:
        print(s.index("z"))
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(min([x for x in nums if x > 1000]))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
