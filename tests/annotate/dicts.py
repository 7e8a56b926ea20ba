# Dicts: key and value types, get() with a default, iteration over keys, values and items.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph count_words(words: list[str; resized]) -> dict[str, nonneg int]
# check: graph lookup(d: dict[str, nonneg int], k: char = 'a') -> nonneg int
# check: items iterator over dict[str, nonneg int]

def count_words(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d

def lookup(d, k):
    total = 0
    for key, value in d.items():
        if key == k:
            total += value
    for v in d.values():
        total += v
    return total

def entry_point(argv):
    d = count_words(argv)
    return lookup(d, "a")
