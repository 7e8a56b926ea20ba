# str methods are calls of the runtime's helpers ($str_split returns the runtime's list of str,
# rpy_str_list); slices are $str_slice with Python's indexes; int(s) is $str_to_int, which
# raises ValueError with CPython's message; repr(s) is $str_repr. A list the annotator made
# fixed gets a GcArray copy of the runtime's list.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @entry_point(
# check: direct_call($str_upper, {{.*}})
# check: direct_call($str_slice, {{.*}}, 1, 3)
# check: direct_call($str_to_int, {{.*}}, 10)
# check: graph @words(Ptr(rpy_string)) -> Ptr(GcArray(Ptr(rpy_string))) {
# check: = direct_call($str_split, {{.*}}, -1)
# nextln: {{.*}}: Ptr(rpy_str_list) = cast_opaque_ptr(
# check: = malloc_varsize(<GcArray(Ptr(rpy_string))>, "gc", {{.*}})
def words(s):
    return s.split(" ")


def entry_point(argv):
    w = words("a b  c")
    print(len(w), w[2], "-".join(w), "Hello".upper(), "  x ".strip(), "xxhixx".strip("x"))
    s = "hello world" if len(argv) < 100 else "x"
    print(s[1:3], s[-5:], s[:2], s.find("o"), s.rfind("o"), s.count("l"), s.startswith("he"))
    print(s.replace("l", "L"), s.title(), s.capitalize(), "ab".center(6, "*"), "7".zfill(3))
    print(s.isalpha(), "123".isdigit(), s[0].isalpha(), "  ".isspace(), s.split(), "a\nb".splitlines())
    print(int("  42 "), int("-7"), int("ff", 16), float("2.5"), repr(s), repr("it's"), [s, "x"])
    try:
        int("4x")
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
