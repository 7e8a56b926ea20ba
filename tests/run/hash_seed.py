# PYTHONHASHSEED=0: string hashes, and so the order of sets of strings, are the same as python3's.
# run: rpp run %s
# same-as: python3
import sys


def entry_point(argv):
    words = ["lox", "brainfuck", "rpython", "jit", "trace", "guard", "bridge"]
    print(hash("rpython"))
    print(sorted(words) == sorted(set(words)), list(set(words)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
