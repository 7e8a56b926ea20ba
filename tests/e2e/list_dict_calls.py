# list() and dict() calls: empty, copies of lists (fixed and resizable) and dicts, and the
# keys / values / items of a dict as a new list in insertion order.
def entry_point(argv):
    n = len(argv)
    empty = list()
    empty.append(n)
    args = list(argv)
    args.append("extra")
    print(empty, len(args), args[-1], len(argv))
    nums = [3, 1, 2] * n
    copy = list(nums)
    copy.append(9)
    print(nums, copy)
    counts = {"b": 2, "a": 1}
    counts["c"] = 3
    del counts["b"]
    counts["b"] = 4
    print(list(counts), list(counts.keys()), list(counts.values()), list(counts.items()))
    d = dict(counts)
    d["z"] = 26
    e = dict()
    e[n] = "one"
    print(sorted(d.keys()), len(counts), d == counts, e[n], len(e))
    ks = list(counts.keys())
    ks.sort(reverse=True)
    print(ks, "a" in ks)
    return 0
