# debug_print writes to stderr in program order; ll_assert, check_nonneg and friends check.
# run: rpp run %s
# same-as: python3
# stdout: before
# stdout: AssertionError: bad state 3
# stdout: 5 AssertionError
# stdout: UnexpectedRUInt
# stdout: [1, 2, 3]
# stdout: ExpectedRegularInt
# stdout: NotAListOfChars
# stdout: ok
# stderr-check: debug: 42 hello 1.5
# stderr-nextln: [1, 2]
# stderr-not: never
import sys
from rpython.rlib.debug import (debug_print, debug_start, debug_stop, have_debug_prints,
                                ll_assert, check_nonneg, make_sure_not_resized,
                                check_regular_int, check_list_of_chars, UnexpectedRUInt,
                                ExpectedRegularInt, NotAListOfChars, debug_offset)
from rpython.rlib.rarithmetic import r_uint


def entry_point(argv):
    print("before")
    debug_start("test-section")
    if have_debug_prints():
        debug_print("debug:", 42, "hello", 1.5)
        debug_print([1, 2])
    debug_stop("test-section")
    ll_assert(True, "never")
    try:
        ll_assert(1 + 2 == 4, "bad state %d" % 3)
    except AssertionError as e:
        print("AssertionError: %s" % e)
    x = check_nonneg(5)
    try:
        check_nonneg(-1)
        print(x, "no error")
    except AssertionError:
        print(x, "AssertionError")
    try:
        check_nonneg(r_uint(3))
    except UnexpectedRUInt:
        print("UnexpectedRUInt")
    lst = make_sure_not_resized([1, 2, 3])
    print(lst)
    check_regular_int(3)
    try:
        check_regular_int(r_uint(3))
    except ExpectedRegularInt:
        print("ExpectedRegularInt")
    check_list_of_chars(["a", "b"])
    try:
        check_list_of_chars(["ab"])
    except NotAListOfChars:
        print("NotAListOfChars")
    try:
        debug_stop("not-open")
        print("no error")
    except AssertionError:
        pass
    assert debug_offset() == -1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
