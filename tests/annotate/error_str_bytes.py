# Mixing str and bytes.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_str_bytes.py:10:11: error: mixing str and bytes in +: str and bytes = b'x' (encode or decode explicitly)
# stderr-nextln: print(s + b)

def entry_point(argv):
    s = argv[0]
    b = b"x"
    print(s + b)
    return 0
