# The sys module: sys.stdout.write (the buffered stdout of print, returning the number of
# characters), sys.stderr.write (unbuffered), flush, and sys.exit(n) (raises SystemExit: status n & 0xFF).
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: $print_str
# check: str_len
# check: $print_stderr
# check: $print_flush
# check: direct_call(@ll_sys_exit_Signed, 
import sys


def finish(code):
    print("exiting with", code)
    sys.exit(code)


def entry_point(argv):
    n = sys.stdout.write("déjà vu!" + argv[0][:0] + "\n")
    print(n)
    sys.stderr.write("to stderr\n")
    sys.stdout.flush()
    sys.stderr.flush()
    if len(argv) > 5:
        sys.exit()
    finish(256 + 3 * len(argv))
    print("not reached")
    return 0
