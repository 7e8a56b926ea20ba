# Dicts are the runtime's ordered dicts: $dict_new(type ids), $dict_insert_* / $dict_lookup_*
# return the entry index, the value is an interior field of the entry; d[k] and del d[k] are
# helper graphs raising KeyError(repr(k)); iteration walks entries with $dict_next_index.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: gcstruct dict_Signed_Signed {
# nextln:   num_items: Signed
# nextln:   num_ever_used: Signed
# nextln:   indexes: Ptr(GcArray(UniChar))
# nextln:   entries: Ptr(GcArray(dictentry_Signed_Signed))
# check: graph @squares(Signed) -> Ptr(dict_Signed_Signed) {
# check: direct_call($dict_new, typeid(dict_Signed_Signed), typeid(GcArray(dictentry_Signed_Signed)))
# check: direct_call($dict_insert_int, {{.*}})
# check: setinteriorfield({{.*}}, "value", {{.*}})
# check: graph @ll_dict_getitem_Ptr_dict_Signed_Signed_(Ptr(dict_Signed_Signed), Signed) -> Signed {
# check: direct_call($dict_lookup_int, {{.*}})
# check: graph @ll_dict_getitem_Ptr_dict_Ptr_rpy_string__Signed_(Ptr(dict_Ptr_rpy_string__Signed), Ptr(rpy_string)) -> Signed {
# check: direct_call($str_hash, {{.*}})
# check: direct_call($str_repr, {{.*}})
def squares(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    return d


def entry_point(argv):
    d = squares(len(argv) + 9)
    words = {"one": 1, "two": 2}
    words["three"] = 3
    del words["one"]
    print(len(d), d[7], 7 in d, 99 in d, words["two"], words.get("zz", -1), len(words))
    for k, v in words.items():
        print(k, v)
    print([k for k in d if k % 3 == 0], sum_values(words))
    try:
        print(words["one"])
    except KeyError as e:
        print("KeyError:", str(e))
    try:
        del d[1000]
    except KeyError as e:
        print("KeyError:", str(e))
    return 0


def sum_values(words):
    t = 0
    for v in words.values():
        t += v
    return t
