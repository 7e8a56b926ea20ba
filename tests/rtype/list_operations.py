# Resizable lists: append is list_resize_ge then setarrayitem (no helper graph); setitem, pop,
# insert, del, index/count/remove and `in` are helper graphs per list type with CPython's
# IndexError/ValueError messages; `+` and extend copy with array_copy; reverse is
# array_reverse; slices are array_copy into a new list; str() of a list is its repr.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &{{.*}}: rpy_string "list assignment index out of range"
# check: prebuilt &{{.*}}: rpy_string "pop from empty list"
# check: prebuilt &{{.*}}: rpy_string "pop index out of range"
# check: graph @build(Signed) -> Ptr(list_Signed) {
# check: direct_call($list_resize_ge, {{.*}})
# nextln: {{.*}} = getfield({{.*}}, "items")
# nextln: setarrayitem(
# check: graph @ll_list_setitem_Ptr_list_Signed_(Ptr(list_Signed), Signed, Signed) -> Void {
# check: graph @ll_list_pop_Ptr_list_Signed_(Ptr(list_Signed), Signed) -> Signed {
# check: graph @ll_list_contains_Ptr_list_Signed_(Ptr(list_Signed), Signed) -> Bool {
# check: graph @ll_list_repr_Ptr_list_Signed_(Ptr(list_Signed)) -> Ptr(rpy_string) {
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
    print(m[0], m[-1], m[1:4], m[-2:], [x * 2 for x in m if x > 10])
    try:
        l[len(l)] = 0
    except IndexError as e:
        print("IndexError:", str(e))
    try:
        m.index(12345)
    except ValueError as e:
        print("ValueError:", str(e))
    e = []
    e.append(1)
    e.pop()
    try:
        e.pop()
    except IndexError as err:
        print("IndexError:", str(err))
    return 0
