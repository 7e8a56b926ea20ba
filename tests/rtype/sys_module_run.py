# sys.exit in the ll interpreter: what was printed before is flushed, the status is n & 0xFF.
# run: rpp translate --stop-after=rtype --interp %s
# exit: 3
# stdout: déjà vu!
# stdout: 9
# stdout: exiting with 259
# stderr-check: to stderr
import sys


def finish(code):
    print("exiting with", code)
    sys.exit(code)


def entry_point(argv):
    n = sys.stdout.write("déjà vu!" + argv[0][:0] + "\n")
    print(n)
    sys.stderr.write("to stderr\n")
    finish(256 + 3 * len(argv))
    return 0
