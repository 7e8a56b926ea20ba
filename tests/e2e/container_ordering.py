# Ordering of lists and tuples (lexicographic as CPython: the first unequal items decide, else
# the lengths), nested, of ints, floats (nan), strs, chars and bools; == / != of dicts (same
# items whatever the insertion order; values by value, nested lists and dicts too).
def make_show():
    def show(name, a, b):
        print(name, a < b, a <= b, a > b, a >= b, a == b, a != b)
    return show


# One copy per argument type.
show_ints, show_strs, show_floats, show_chars, show_bools, show_nested = [make_show() for i in range(6)]
show_tuple, show_tuple2, show_tuple_lists, show_list_tuples = [make_show() for i in range(4)]


def entry_point(argv):
    n = len(argv)
    show_ints("ints", [1, 2, 3], [1, 2, 4 + n])
    show_ints("prefix", [1, 2], [1, 2, n])
    show_ints("equal", [n, 2], [1, 2])
    show_ints("empty", [], [n])
    show_strs("strs", ["b", "a"], ["ab", "z" * n])
    show_floats("floats", [1.5, float("nan")], [1.5, float("nan")])
    show_chars("chars", [c for c in "abc"], [c for c in "abd"])
    show_bools("bools", [True, False], [True, n > 1])
    show_nested("nested", [[1, 2], [3]], [[1, 2], [3, n]])
    show_tuple("tuples", (1, "x", 2.5), (1, "x", 2.0 + n))
    show_tuple2("tuples equal", (n, "a"), (1, "a"))
    show_tuple_lists("tuple of lists", ([1], 2), ([1, 0], 1))
    show_list_tuples("list of tuples", [(1, "b"), (2, "a")], [(1, "b"), (2, "b")])
    pairs = [(3, "c"), (1, "z"), (1, "a"), (2, "q")]
    best = pairs[0]
    for p in pairs:
        if p < best:
            best = p
    print("smallest pair", best)

    d1 = {"a": 1, "b": 2}
    d2 = {"b": 2}
    d2["a"] = n
    print("dicts", d1 == d2, d1 != d2)
    d2["c"] = 3
    print("dicts after insert", d1 == d2, d1 != d2)
    del d2["c"]
    print("dicts after delete", d1 == d2)
    e1 = {1: [1, 2], 2: []}
    e2 = {2: [], 1: [1, 1 + n]}
    print("dicts of lists", e1 == e2, e1 != e2)
    n1 = {"x": {1: 1.5}}
    n2 = {"x": {1: 1.5}}
    print("nested dicts", n1 == n2)
    print("empty dict", d1 == {}, {} != d1)
    return 0
