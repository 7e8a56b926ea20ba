# sys.exit("message") ends the process with status 1 and the message on stderr (CPython's rule);
# sys.exit() is status 0. Both are SystemExit raised by $raise_system_exit.
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# exit: 1
# check: graph @stop(Signed) -> Signed {
# check: direct_call($raise_system_exit, 1, &str{{[0-9]+}}:Ptr(rpy_string))
# check: direct_call($raise_system_exit, 0, null:Ptr(rpy_string))
# check: stopping
# not: not reached
# stderr-check: bad configuration
# stderr-not: SystemExit
import sys


def stop(n):
    if n == 0:
        sys.exit()
    if n == 1:
        sys.exit("bad configuration")
    return n


def entry_point(argv):
    print(stop(len(argv) + 1))
    print("stopping")
    stop(len(argv))
    print("not reached")
    return 0
