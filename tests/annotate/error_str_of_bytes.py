# str() of bytes is rejected (CPython would print b'...').
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_str_of_bytes.py:9:11: error: str() of bytes is not RPython (it would print b'...'): decode it first, e.g. b.decode('utf-8')
import os

def entry_point(argv):
    data = os.read(0, 10)
    print(str(data))
    return 0
