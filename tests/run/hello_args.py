# `rpp run` passes [TARGET.py, ARGS...] to entry_point and exits with its result.
# run: rpp run %s alpha béta
# same-as: python3
# exit: 3
# stdout: hello ['alpha', 'béta'] 2
import sys


def entry_point(argv):
    print("hello", argv[1:], len(argv) - 1)
    return 3


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
