# == and != of lists compare lengths then items (one loop graph per list type), of tuples item
# by item (straight-line code); items recurse into nested tuples and lists. `x in tuple`
# compares with each item. Tuples are dict keys: hashed by ll_tuple_hash_T (unsigned mixing) and
# compared by a key-equality graph the runtime calls ($dict_lookup_custom / $dict_insert_custom).
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @same_lists(Ptr(GcArray(Signed)), Ptr(list_Signed)) -> Bool {
# check: direct_call(@ll_list_eq_Ptr_GcArray_Signed___Ptr_list_Signed_, a_0, b_1)
# check: graph @differ(Ptr(tuple2_Signed_UniChar), Ptr(tuple2_Signed_UniChar)) -> Bool {
# check: direct_call(@ll_tuple_eq_tuple2_Signed_UniChar, a_0, b_1)
# nextln: {{.*}} = bool_not(
# check: graph @is_op(UniChar) -> Bool {
# check: unichar_eq({{.*}}, s_0)
# check: unichar_eq({{.*}}, s_0)
# nextln: cast_bool_to_int(
# not: direct_call(
# check: graph @count_pairs(
# check: direct_call(@ll_dict_setitem_Ptr_dict_Ptr_tuple2_Signed_Ptr_rpy_string___Signed_, {{.*}})
# check: graph @ll_list_eq_Ptr_GcArray_Signed___Ptr_list_Signed_(Ptr(GcArray(Signed)), Ptr(list_Signed)) -> Bool {
# check: graph @ll_list_eq_Ptr_GcArray_Ptr_GcArray_Signed____(
# check: direct_call(@ll_list_eq_Ptr_GcArray_Signed__, {{.*}})
# check: graph @ll_tuple_hash_tuple2_Signed_Ptr_rpy_string_(Ptr(tuple2_Signed_Ptr_rpy_string_)) -> Signed {
# check: uint_mul(
# check: graph @ll_dict_keyeq_Ptr_dict_Ptr_tuple2_Signed_Ptr_rpy_string___Signed_(Ptr(gcref), Ptr(gcref)) -> Bool {
# nextln: b0(
# nextln: cast_opaque_ptr(
# nextln: cast_opaque_ptr(
# nextln: direct_call(@ll_tuple_eq_tuple2_Signed_Ptr_rpy_string_, {{.*}})
# check: graph @ll_dict_setitem_Ptr_dict_Ptr_tuple2_Signed_Ptr_rpy_string___Signed_(
# check: direct_call($dict_insert_custom, {{.*}}, {{.*}}, {{.*}}, @ll_dict_keyeq_Ptr_dict_Ptr_tuple2_Signed_Ptr_rpy_string___Signed_)


def same_lists(a, b):
    return a == b


def differ(a, b):
    return a != b


def is_op(s):
    return s in ("+", "-")


def count_pairs(words):
    counts = {}
    for i in range(len(words) - 1):
        key = (len(words[i]), words[i + 1])
        counts[key] = counts.get(key, 0) + 1
    return counts


def entry_point(argv):
    n = len(argv)
    a = [1, 2, 3]
    b = [1, 2]
    b.append(n + 2)
    print(same_lists(a, b), same_lists(a, [1, 2]), a != b, [[1], [2, n]] == [[1], [2, 1]])
    print(differ((n, "x"), (1, "x")), differ((n, "x"), (n, "y")), (n, (2.5, "z")) == (1, (2.5, "z")))
    print(is_op("+"), is_op("*"), n in (1, 2, 3), "b" in ("a", "b"), chr(42 + n) in ("/", "+"))
    counts = count_pairs(["ab", "cd", "ab", "cd", "xy", "ab", "cd", "e"])
    print(len(counts), counts[(2, "cd")], counts.get((2, "zz"), -1), (1, "q") in counts, (2, "ab") in counts)
    for k, v in counts.items():
        print(k, v)
    del counts[(2, "ab")]
    print(len(counts), (2, "ab") in counts)
    return 0
