# list.sort() and sorted() are the runtime's TimSort per item type ($array_sort_int / _float /
# _str, reverse= by reversing around it); min(l), max(l) and sum(l) are one loop graph per list
# type; min/max of an empty list raise CPython's ValueError.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &{{.*}}: rpy_string "min() arg is an empty sequence"
# check: graph @sort_ints(Ptr(list_Signed), Bool) -> Void {
# check: cast_bool_to_int(rev_1)
# nextln: {{.*}} = int_mul(
# check: direct_call($array_reverse, {{.*}})
# check: direct_call($array_sort_int, {{.*}})
# check: direct_call($array_reverse, {{.*}})
# check: graph @sort_words(Ptr(rpy_str_list)) -> Ptr(GcArray(Ptr(rpy_string))) {
# check: direct_call($array_copy, {{.*}})
# nextln: {{.*}} = getarraysize(
# nextln: {{.*}} = cast_opaque_ptr(
# nextln: direct_call($array_reverse, {{.*}})
# nextln: {{.*}} = cast_opaque_ptr(
# nextln: direct_call($array_sort_str, {{.*}})
# check: graph @stats(Ptr(list_Float)) -> Ptr(tuple3_Float_Float_Float) {
# nextln: b0(
# nextln: direct_call(@ll_list_min_Ptr_list_Float_, xs_0)
# nextln: direct_call(@ll_list_max_Ptr_list_Float_, xs_0)
# nextln: direct_call(@ll_list_sum_Ptr_list_Float__Float, xs_0, 0.0)
# check: graph @ll_list_min_Ptr_list_Float_(Ptr(list_Float)) -> Float {
# check: float_lt(
# check: graph @ll_list_max_Ptr_list_Float_(Ptr(list_Float)) -> Float {


def sort_ints(l, rev):
    l.sort(reverse=rev)


def sort_words(words):
    return sorted(words, reverse=True)


def stats(xs):
    return (min(xs), max(xs), sum(xs))


def entry_point(argv):
    n = len(argv)
    l = [5, 3, 9, -1, 3, 0, 12, 7, 7, -8]
    for i in range(100):
        l.append((i * 37 + n) % 23 - 11)
    sort_ints(l, False)
    print(l[:12], l[-3:])
    sort_ints(l, n > 0)
    print(l[:5])
    words = ["pear", "apple", "fig", "Banana", "apple", "é", ""]
    words.append("zz")
    print(sorted(words), sort_words(words), words[0])
    fs = [2.5, -1.0, 3.25]
    fs.append(0.5 * n)
    fs.sort()
    print(fs, stats(fs))
    ints = [3, 1, 2]
    ints.append(n)
    print(min(ints), max(ints), sum(ints), sum(ints, 10), min(words), max(words))
    empty = [1.0]
    empty.pop()
    try:
        print(min(empty))
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(max([x for x in ints if x > 100]))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
