# sys.exit(n) inside the program ends it with code n, after flushing what was printed.
# run: rpp run %s
# same-as: python3
# exit: 7
# stdout: before exit
import sys


def leave(code):
    sys.exit(code)


def entry_point(argv):
    print("before exit")
    leave(7)
    print("never printed")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
