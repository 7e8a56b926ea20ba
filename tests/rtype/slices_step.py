# Extended slices: the slice is the tuple of its parts (None parts have no field); a list slice
# is one helper graph per list type ($slice_length, $slice_start, $array_copy_step), a str
# slice $str_slice_step; a constant step other than 0 cannot raise. `del l[a:b]` moves the tail
# ($array_copy) and shrinks ($list_resize_le).
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @every(Ptr(list_Signed), Signed) -> Ptr(GcArray(Signed)) {
# check: malloc(<tuple3_Signed_Void_Signed>, "gc")
# check: {{.*}} = direct_call(@ll_slice_step_check, {{.*}})
# nextln: {{.*}} = direct_call(@ll_list_slice_step_Ptr_list_Signed__Ptr_GcArray_Signed__, l_0, 1, -9223372036854775808, {{.*}})
# check: graph @backwards(Ptr(rpy_string)) -> Ptr(rpy_string) {
# not: ll_slice_step_check
# check: direct_call($str_slice_step, s_0, -9223372036854775808, -9223372036854775808, -1)
# check: graph @drop(Ptr(list_Signed), Signed, Signed) -> Void {
# check: direct_call($array_copy, {{.*}})
# nextln: {{.*}} = int_sub(
# nextln: {{.*}} = int_sub(
# check: direct_call($list_resize_le, {{.*}})
# check: graph @ll_list_slice_step_Ptr_list_Signed__Ptr_GcArray_Signed__(Ptr(list_Signed), Signed, Signed, Signed) -> Ptr(GcArray(Signed)) {
# check: direct_call($slice_length, {{.*}})
# nextln: {{.*}}direct_call($slice_start, {{.*}})
# check: direct_call($array_copy_step, {{.*}})
# check: graph @ll_slice_step_check(Signed) -> Signed {


def every(l, k):
    return l[1::k]


def backwards(s):
    return s[::-1]


def drop(l, a, b):
    del l[a:b]


def entry_point(argv):
    l = []
    for i in range(12):
        l.append(i * 10)
    print(every(l, 3), every(l, -4), l[::-1], l[-2:2:-3], l[10:0:2], l[::5])
    print(backwards("hello"), backwards("añb€"), "abcdefg"[1:6:2], "abcdef"[::-2], "abc"[5:0:-1])
    try:
        print(every(l, len(argv) - 1))
    except ValueError as e:
        print("ValueError:", str(e))
    drop(l, 2, 5)
    print(l)
    drop(l, -3, 100)
    print(l)
    drop(l, 4, 1)
    print(l)
    del l[:1]
    print(l, len(l))
    return 0
