# sys.exit("message") ends the process with status 1 and the message on stderr (CPython's rule);
# sys.exit() is status 0. Both call a helper graph that makes the SystemExit and raises it: its
# `code` field is the status (257: 1, and the message goes to stderr), rpy_message is str(e).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s
# exit: 1
# check: graph @stop(Signed) -> Signed {
# check: direct_call(@ll_sys_exit_Ptr_rpy_string_, &str{{[0-9]+}}:Ptr(rpy_string))
# check: direct_call(@ll_sys_exit_none)
# check: graph @ll_sys_exit_Ptr_rpy_string_(Ptr(rpy_string)) -> Void {
# check: int_mul({{v[0-9]+}}, 257)
# check: setfield({{v[0-9]+}}, "code",
# not: rpy_code
# check: setfield({{v[0-9]+}}, "rpy_message", v0)
# check: goto except(&vtable_SystemExit:Ptr(object_vtable)
# check: graph @ll_sys_exit_none() -> Void {
# check: setfield({{v[0-9]+}}, "code", 0)
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
