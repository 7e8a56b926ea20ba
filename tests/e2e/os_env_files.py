# os.getenv / os.environ.get at run time (a variable nobody sets: None or the default), at
# module level a constant of the translated program; os.open with and without a mode,
# os.write, os.read, os.lseek and os.close on /dev/null and /dev/zero.
import os

AT_IMPORT = os.getenv("RPP_E2E_SURELY_UNSET", "module-level default")


def lookup(name):
    value = os.getenv(name)
    if value is None:
        return "<unset>"
    return value


def entry_point(argv):
    print(AT_IMPORT)
    print(lookup("RPP_E2E_SURELY_UNSET_" + str(len(argv))))
    print(os.getenv("RPP_E2E_SURELY_UNSET", "fallback"), os.environ.get("RPP_E2E_SURELY_UNSET", "env fallback"))
    print(os.environ.get("RPP_E2E_SURELY_UNSET") is None)
    fd = os.open("/dev/null", os.O_WRONLY)
    print(os.write(fd, b"discarded"), os.lseek(fd, 0, os.SEEK_SET))
    os.close(fd)
    fd = os.open("/dev/zero", os.O_RDONLY, 0o644)
    data = os.read(fd, 4)
    print(len(data), data[0], os.lseek(fd, 0, os.SEEK_CUR) >= 0)
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print("OSError on a closed fd")
    try:
        os.open("/nonexistent/rpp/file", os.O_RDONLY)
    except OSError:
        print("OSError on a missing file")
    return 0
