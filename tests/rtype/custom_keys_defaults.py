# A dict of tuple keys: d[k] = v and k in d are one call (ll_dict_setitem_T / ll_dict_contains_T)
# so the key's eq or hash may raise to the caller; KeyError's message is the key's repr; a
# prebuilt dict of tuple keys is static data hashed at translation time; lists of chars and bools
# sort with $array_sort_char / $array_sort_bool; a method call gets its default arguments.
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: prebuilt &dict_
# check: graph @entry_point
# check: direct_call(@ll_dict_setitem_
# check: direct_call(@ll_dict_contains_
# check: direct_call($array_sort_char
# check: direct_call($array_sort_bool
# check: direct_call(@Greeter.greet, {{.*}}, &str{{[0-9]+}}:Ptr(rpy_string), 2)
# check: graph @ll_dict_getitem_
# check: direct_call($str_repr
# check: 1 True south
# check: KeyError (5, 'e')
# check: ['a', 'b', 'c'] [False, True]
# check: hi hi
MOVES = {(0, -1): "south", (1, 0): "east"}


class Greeter(object):
    def greet(self, word="hi", times=2):
        return " ".join([word] * times)


def entry_point(argv):
    n = len(argv)
    d = {}
    d[(n, "a")] = n
    print(d[(1, "a")], (1, "a") in d, MOVES[(0, -n)])
    try:
        print(d[(5, "e")])
    except KeyError as e:
        print("KeyError", str(e))
    chars = [c for c in "cab"]
    chars.sort()
    flags = [n > 0, n < 0]
    flags.sort()
    print(chars, flags)
    print(Greeter().greet())
    return 0
