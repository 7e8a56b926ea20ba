# bytes methods of the second set and bytes dict keys: rsplit/splitlines/hex/fromhex/padding are
# $bytes_* helpers, partition a helper graph over $str_find on the narrow layout and
# $bytes_slice, dict keys $dict_*_str with $bytes_hash (the key cast to the str layout).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# check: graph @entry_point
# check: direct_call($bytes_rsplit
# check: direct_call($bytes_splitlines
# check: direct_call(@ll_bytes_partition
# check: direct_call($bytes_hash
# check: direct_call($dict_insert_str
# check: direct_call($bytes_hex
# check: direct_call($bytes_fromhex
# check: direct_call($bytes_center
# check: direct_call($bytes_zfill
# check: graph @ll_bytes_partition
# check: direct_call($str_find
# check: direct_call($bytes_slice
# check: graph @ll_dict_getitem_
# check: direct_call($bytes_hash
# check: direct_call($dict_lookup_str
# check: direct_call($bytes_repr
# check: 2 1 (a|b) 6162 ab *ab* 0ab 1 True KeyError b'c'
def entry_point(argv):
    b = b"a b" + b"" * len(argv)
    parts = b.rsplit()
    lines = b.splitlines()
    h, s, t = b.partition(b" ")
    d = {b"a": 1}
    d[b"b"] = 2
    msg = ""
    try:
        d[b"c"]
    except KeyError as e:
        msg = str(e)
    print(len(parts), len(lines), "(" + h.decode("utf-8") + "|" + t.decode("utf-8") + ")", b"ab".hex(),
          bytes.fromhex("6162").decode("utf-8"), b"ab".center(4, b"*").decode("utf-8"),
          b"ab".zfill(3).decode("utf-8"), d[b"a"], b"b" in d, "KeyError", msg)
    return 0
