# A constant str.format is split at translation time like % formats: literals and one
# format(x, spec) per field ({}, {0}, {name}, !r, :spec). str.index / rindex are find / rfind
# then ll_str_found (ValueError "substring not found"); startswith / endswith of a tuple test
# each item; partition / rpartition are one helper graph each.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: prebuilt &{{.*}}: rpy_string "substring not found"
# check: graph @show(Signed, Ptr(rpy_string)) -> Ptr(rpy_string) {
# check: direct_call($format_int, {{.*}})
# check: direct_call($str_repr, {{.*}})
# check: direct_call($format_float, {{.*}})
# check: graph @ll_str_found(Signed) -> Signed {
# check: graph @ll_str_partition(Ptr(rpy_string), Ptr(rpy_string)) -> Ptr(tuple3_Ptr_rpy_string__Ptr_rpy_string__Ptr_rpy_string_) {


def show(n, s):
    return "{} and {!r}: {:>6.2f} {{literal}} {x}".format(n, s, n / 3, x=s)


def entry_point(argv):
    s = "hello world, hello"
    print(show(len(argv) + 6, "it's"))
    print("{1}-{0}-{1}".format("a", "b"), "{:05d}|{:<4}|".format(42, "ab"))
    print(s.index("o"), s.rindex("hello"), s.index("l", 5), s.rindex("o", 0, 10))
    try:
        s.index("xyz")
    except ValueError as e:
        print("ValueError:", str(e))
    print(s.startswith(("x", "he")), s.endswith(("lo", "x")), s.startswith(("a", "b")))
    print(s.partition(", "), s.rpartition("l"), s.partition("#"), s.rpartition("#"))
    try:
        s.partition("")
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
