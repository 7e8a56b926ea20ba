# dict.pop / pop with a default / setdefault are one lookup then a read, delete or insert
# (helper graphs); popitem removes the last entry ($dict_last_index, KeyError when empty);
# update and copy walk the other dict's entries ($dict_next_index). An r_dict(eq, hash) calls
# the user's hash and passes a key-equality graph calling the user's eq to the runtime.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &{{.*}}: rpy_string "'popitem(): dictionary is empty'"
# check: graph @entry_point(Ptr(rpy_str_list)) -> Signed {
# check: direct_call(@ll_dict_setdefault_Ptr_dict_Ptr_rpy_string__Signed_, {{.*}})
# check: direct_call(@ll_dict_pop_Ptr_dict_Ptr_rpy_string__Signed_, {{.*}})
# check: direct_call(@ll_dict_pop_default_Ptr_dict_Ptr_rpy_string__Signed_, {{.*}}, -1)
# check: direct_call(@ll_dict_popitem_Ptr_dict_Ptr_rpy_string__Signed__tuple2_Ptr_rpy_string__Signed, {{.*}})
# check: direct_call(@ll_dict_update_Ptr_dict_Ptr_rpy_string__Signed__Ptr_dict_Signed_Signed_, {{.*}})
# check: direct_call($dict_new, {{.*}})
# nextln: {{.*}} = cast_opaque_ptr(
# nextln: direct_call(@ll_dict_update_Ptr_dict_Ptr_rpy_string__Signed__Ptr_dict_Ptr_rpy_string__Signed_, {{.*}})
# check: direct_call(@ll_dict_setitem_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash, {{.*}})
# check: direct_call(@ll_dict_contains_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash, {{.*}})
# check: graph @ll_dict_popitem_{{.*}}
# check: direct_call($dict_last_index, {{.*}})
# check: graph @ll_dict_keyeq_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash(Ptr(gcref), Ptr(gcref)) -> Bool {
# check: direct_call(@key_eq, {{.*}})
# check: graph @ll_dict_setitem_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash(
# check: direct_call($dict_insert_custom, {{.*}}, @ll_dict_keyeq_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash)
# check: direct_call($dict_lookup_custom, {{.*}}, @ll_dict_keyeq_Ptr_dict_Ptr_rpy_string__Signed__key_eq_key_hash)
from rpython.rlib.objectmodel import r_dict


def key_eq(a, b):
    return a.lower() == b.lower()


def key_hash(a):
    return len(a)


def entry_point(argv):
    d = {"a": 1, "b": 2}
    d["c"] = 3
    print(d.setdefault("a", 10), d.setdefault("z", 26), len(d))
    print(d.pop("b"), d.pop("nope", -1), len(d))
    try:
        d.pop("nope")
    except KeyError as e:
        print("KeyError:", str(e))
    print(d.popitem(), len(d))
    other = {"q": 17, "a": 100}
    d.update(other)
    c = d.copy()
    c["new"] = 0
    for k, v in d.items():
        print(k, v)
    print(len(c), len(d), c["a"])
    d.clear()
    try:
        d.popitem()
    except KeyError as e:
        print("KeyError:", str(e))
    ci = r_dict(key_eq, key_hash)
    ci["Hello"] = 1
    ci["HELLO"] = 2
    ci["World"] = 3
    print(len(ci), ci["hello"], "WORLD" in ci, "x" in ci, ci.get("wOrLd", 0))
    del ci["hello"]
    print(len(ci))
    return 0
