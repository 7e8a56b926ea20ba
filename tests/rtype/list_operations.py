# Resizable lists: append is list_resize_ge then setarrayitem (no helper graph); setitem, pop,
# insert, del, index/count/remove and `in` are helper graphs per list type with CPython's
# IndexError/ValueError messages; `+` and extend copy with array_copy; reverse is
# array_reverse; enumerate/zip/reversed iterate without copying; slices are array_copy into a new list, slice assignment resizes and moves; str() of a list is its repr.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &{{.*}}: rpy_string "list assignment index out of range"
# check: prebuilt &{{.*}}: rpy_string "pop from empty list"
# check: prebuilt &{{.*}}: rpy_string "pop index out of range"
# check: graph @build(Signed) -> Ptr(list_Signed) {
# check: direct_call($list_resize_ge, {{.*}})
# nextln: {{.*}} = getfield({{.*}}, "items")
# nextln: setarrayitem(
# check: graph @ll_list_setitem_Ptr_list_Signed__nonneg(Ptr(list_Signed), Signed, Signed) -> Void {
# check: graph @ll_list_pop_Ptr_list_Signed_(Ptr(list_Signed), Signed) -> Signed {
# check: graph @ll_list_contains_Ptr_list_Signed_(Ptr(list_Signed), Signed) -> Bool {
# check: graph @ll_list_repr_Ptr_list_Signed_(Ptr(list_Signed)) -> Ptr(rpy_string) {
# check: graph @ll_next_enum_iter_Ptr_list_Signed_(Ptr(enum_iter_Ptr_list_Signed_)) -> Ptr(tuple2_Signed_Signed) {
# check: graph @ll_next_zip_iter_{{.*}}) -> Ptr(tuple2_Signed_UniChar) {
def build(n):
    l = []
    for i in range(n):
        l.append(i * i)
    return l


def entry_point(argv):
    l = build(len(argv) + 9)
    l[2] = -1
    print(l[2], len(l), l.pop(), l.pop(0), 5 in l, 7 in l)
    l.insert(1, 100)
    l.insert(-100, 7)
    del l[3]
    m = l + [1, 2]
    m.extend(l)
    print(len(m), m.index(100), m.count(1))
    m.reverse()
    m.remove(7)
    m[1:3] = [5]
    m[0:1] = [6, 6]
    print(m[0], m[-1], m[1:4], m[-2:], [x * 2 for x in m if x > 10])
    try:
        l[len(l)] = 0
    except IndexError as e:
        print("IndexError:", str(e))
    try:
        m.index(12345)
    except ValueError as e:
        print("ValueError:", str(e))
    for i, x in enumerate(m):
        if i < 2:
            print(i, x)
    for x, c in zip(m, "abc"):
        print(x, c)
    print([x for x in reversed(m)][:3])
    e = []
    e.append(1)
    e.pop()
    try:
        e.pop()
    except IndexError as err:
        print("IndexError:", str(err))
    return 0
