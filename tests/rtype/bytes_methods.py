# bytes methods: searches are the str helpers on the narrow layout (two cast_opaque_ptr, no
# copy), the ones with ASCII rules or a bytes result are $bytes_* helpers; startswith with
# start/end is $str_startswith_range (str and bytes).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: graph @entry_point
# check: direct_call($bytes_mul
# check: direct_call($bytes_split
# check: cast_opaque_ptr
# check: direct_call($str_find
# check: direct_call($str_startswith_range
# check: direct_call($bytes_upper
# check: direct_call($bytes_slice_step
# check: direct_call($str_endswith_range
# check: 3 True 3 A'B' aa ca True
def entry_point(argv):
    b = b"a'b'" + b"" * len(argv)
    parts = b.split(b"'")
    print(b.find(b"'", 2), b.startswith(b"'", 1, 2), len(parts), b.upper().decode("utf-8"),
          (b"a" * 2).decode("utf-8"), b"abc"[::-2].decode("utf-8"), "xyz".endswith("y", 0, 2))
    return 0
