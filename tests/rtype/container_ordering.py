# `<` of lists is one loop graph per list type and operator (ll_list_lt_T: the first unequal
# items decide, else the lengths); tuples compare item by item in straight-line code
# (ll_tuple_ge_T); `==` of dicts is ll_dict_eq_T (sizes, then each key of one looked up in the
# other, values by value).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: graph @entry_point
# check: direct_call(@ll_list_lt_Ptr_list_Signed_
# check: direct_call(@ll_tuple_ge_tuple2_
# check: direct_call(@ll_dict_eq_
# check: graph @ll_list_lt_Ptr_list_Signed_
# check: int_lt
# check: graph @ll_tuple_ge_tuple2_
# check: direct_call($str_eq
# check: direct_call($str_cmp
# check: graph @ll_dict_eq_
# check: direct_call($dict_next_index
# check: direct_call($dict_lookup_str
# check: True True False
def entry_point(argv):
    a = [1, 2]
    a.append(len(argv))
    t = ("bc", len(argv))
    d = {"xy": 1}
    e = {"xy": len(argv) + 1}
    print(a < [1, 2, 3], t >= ("ab", 5), d == e)
    return 0
