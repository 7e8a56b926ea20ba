# Helpers flagged InlineFastPath in runtime/helpers.def are called through their inline fast
# path (runtime/rlib/helper_fast_paths.h): str_hash reads the cached hash, str_eq decides on
# identity, length or two different cached hashes before calling the helper. Results are the
# helpers': equal strings made apart (not the same object, hashes cached or not), different
# strings of the same length, with the same or different cached hashes, and wide strings.
# dict_lookup_int/str probe their first slot inline: a hit, a free slot (absent), a collision
# (keys 8 apart share their first slot) and a deleted entry go on in the helper.
# run: sh %S/translate_and_run.sh %t %s
# env: RPP_TRANSLATE_FLAGS=--opt=0 --dump=emit
# check: rpp_fast_str_hash(
# check: rpp_fast_str_eq(
# check: rpp_fast_dict_lookup_str(
# check: rpp_fast_dict_lookup_int(
# check: 3 True False False True
# nextln: 7 2 True False
# nextln: 1 3
# nextln: 24 32 -1 -1 40 True False


def make(prefix, n):
    return prefix + str(n)


def entry_point(argv):
    d = {}
    for i in range(3):
        d[make("k", i)] = i
    a = make("key", 10)
    b = make("key", 10)
    c = make("key", 11)
    w = make("\u20ac", 1)
    print(len(d), a == b, a == c, w == make("\u20ac", 2), w == make("\u20ac", 1))
    d[a] = 7                 # hashes a
    d[c] = 2                 # hashes c
    print(d[b], d[make("key", 11)], a == b, a == c)  # all hashed: equal, then the hash decides
    print(d[make("k", 1)], len(d) - 2)
    ints = {}
    for k in [1, 9, 17, 3, 5]:
        ints[k] = k + 15
    del ints[1]
    print(ints[9], ints[17], ints.get(1, -1), ints.get(25, -1), ints[3] * 2 + 4, 5 in ints, 2 in ints)
    return 0
