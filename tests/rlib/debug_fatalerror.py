# fatalerror flushes stdout, prints "Fatal RPython error: MSG" on stderr and exits 1;
# no except clause catches it.
# run: rpp run %s
# exit: 1
# same-as: python3
# stdout: working
# stderr-check: Fatal RPython error: the heap is corrupt (code 7)
# stderr-not: caught
# stderr-not: after
import sys
from rpython.rlib.debug import fatalerror


def entry_point(argv):
    print("working")
    try:
        fatalerror("the heap is corrupt (code %d)" % 7)
    except BaseException:
        print("caught")
    print("after")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
