# The exit code is entry_point's result & 0xFF.
# run: rpp run %s
# same-as: python3
# exit: 44
# stdout: returning 300
import sys


def entry_point(argv):
    print("returning", 300)
    return 300


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
