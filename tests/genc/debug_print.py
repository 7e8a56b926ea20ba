# debug_print in a translated program: str() of each argument joined by spaces, one line on
# standard error (stdout flushed first); stdout is unaffected.
# before: rpp translate -o %t/prog %s
# run: %t/prog
# stdout: before
# stdout: after
# stderr-check: debug: 42 hello 1.5 True x None
# stderr-nextln: [1, 2]
# stderr-nextln: <empty>
from rpython.rlib.debug import debug_print


def entry_point(argv):
    print("before")
    debug_print("debug:", 42, "hello", 1.5, len(argv) == 1, chr(120), None)
    debug_print([1, 2])
    debug_print("<empty>")
    print("after")
    return 0
