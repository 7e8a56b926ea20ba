# sys.exit() never returns and cannot raise: inside a try/finally its block is left with no
# exception link and no normal one; the rtyper ends it with debug_fatalerror and a cut link, so
# the graph stays valid and the ll interpreter runs it (before: "a block without exits").
# run: rpp translate --interp %s
# stdout: finally
import sys


def entry_point(argv):
    try:
        if len(argv) > 5:
            sys.exit(3)
    finally:
        print("finally")
    return 0
