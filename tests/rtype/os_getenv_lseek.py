# os.getenv / os.environ.get look the variable up when they run ($os_getenv, null when unset;
# ll_getenv_default for a default); os.lseek is $os_lseek; os.open without a mode passes 0o777.
# sys.argv in translated code is a located error (tests/errors/sys_argv.py).
# run: rpp translate --stop-after=rtype --dump=rtype --interp %s -- %t/data.bin
# env: RPP_TEST_GREETING=bonjour
# check: graph @entry_point
# check: direct_call($os_getenv
# check: direct_call(@ll_getenv_default
# check: direct_call($os_open, {{.*}}, 511)
# check: direct_call($os_lseek
# check: bonjour default
# check: 5 2 llo
import os


def entry_point(argv):
    print(os.getenv("RPP_TEST_GREETING"), os.environ.get("RPP_TEST_UNSET_" + argv[0][:0], "default"))
    fd = os.open(argv[1], os.O_RDWR | os.O_CREAT)
    n = os.write(fd, b"hello")
    pos = os.lseek(fd, 2, os.SEEK_SET)
    rest = os.read(fd, 10)
    os.close(fd)
    print(n, pos, rest.decode("utf-8"))
    return 0
