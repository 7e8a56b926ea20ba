# sys.exit() raises SystemExit: inside a try/finally the finally block runs, then the uncaught
# SystemExit is the exit status (stdout flushed first, nothing on stderr).
# run: rpp translate --interp %s
# exit: 3
# stdout: finally
# stderr-not: SystemExit
import sys


def entry_point(argv):
    try:
        if len(argv) < 5:
            sys.exit(3)
    finally:
        print("finally")
    return 0
