# Bounds checks in the emitted C++ (rtyper/checked_index.h). An index the annotator proves
# non-negative (a range() counter, `i += 1` from 0 under `i < len(items)`) is checked by the
# helpers ll_..._nonneg: one unsigned comparison, without a negative fix-up. Any other index
# takes the same comparison first, marked likely (__builtin_expect), and only on its cold side
# tests for a negative index, adds the length and compares again. At --opt=0 every helper
# stays a function of its own; tests/e2e/index_checks.py runs the cases.
# run: sh %S/translate_and_run.sh %t %s
# env: RPP_TRANSLATE_FLAGS=--opt=0 --dump=emit
# check: // bump
# check: fn_ll_list_getitem_Ptr_list_Signed__nonneg(
# check: fn_ll_list_setitem_Ptr_list_Signed__nonneg(
# check: // sum_all
# check: fn_ll_list_getitem_Ptr_list_Signed__nonneg(
# check: // pick
# check: fn_ll_list_getitem_Ptr_list_Signed_(
# check: fn_ll_list_setitem_Ptr_list_Signed_(
# check: fn_ll_str_getitem(
# check: // ll_list_getitem_Ptr_list_Signed_
# nextln: int64_t fn_ll_list_getitem_Ptr_list_Signed_(
# not: int_lt(
# not: int_between(
# check: = rpp::ops::uint_lt(
# nextln: {{v_[0-9]+}} = rpp::ops::likely(
# nextln: if (__builtin_expect({{v_[0-9]+}}, 1)) {
# check: rpp::ops::int_lt({{v_[0-9]+}}, INT64_C(0));
# check: rpp::ops::int_add(
# nextln: rpp::ops::cast_int_to_uint(
# check: // ll_list_getitem_Ptr_list_Signed__nonneg
# nextln: int64_t fn_ll_list_getitem_Ptr_list_Signed__nonneg(
# check: = rpp::ops::uint_lt(
# nextln: {{v_[0-9]+}} = rpp::ops::likely(
# nextln: if (__builtin_expect({{v_[0-9]+}}, 1)) {
# not: int_lt(
# not: int_add(
# check: // ll_list_setitem_Ptr_list_Signed__nonneg
# check: = rpp::ops::uint_lt(
# not: int_lt(
# check: // ll_range_next
# check: // ll_list_setitem_Ptr_list_Signed_
# check: = rpp::ops::uint_lt(
# check: rpp::ops::int_lt({{v_[0-9]+}}, INT64_C(0));
# check: // ll_str_getitem
# nextln: char32_t fn_ll_str_getitem(
# check: = rpp::ops::uint_lt(
# check: rpp::ops::int_lt({{v_[0-9]+}}, INT64_C(0));
# check: 14 d y 3


def sum_all(items):
    total = 0
    for i in range(len(items)):
        total += items[i]
    return total


def pick(items, s, i):
    items[i] = items[i] + 1
    return s[i]


def bump(items):
    i = 0
    while i < len(items):
        items[i] = items[i] * 2
        i += 1


def entry_point(argv):
    items = [1, 2, 3]
    items.append(len(argv))
    bump(items)
    print(sum_all(items), pick(items, "abcd", -len(argv)), pick(items, "xyz", 1), items[-1])
    return 0
