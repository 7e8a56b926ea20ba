# encode() and decode() without an argument are UTF-8, as in CPython.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: direct_call($str_encode_utf8,
# check: direct_call($bytes_decode_utf8,
def entry_point(argv):
    b = ("héllo €" + argv[0][:0]).encode()
    print(len(b), b.decode(), b.decode("utf-8") == b.decode())
    return 0
