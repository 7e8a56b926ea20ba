# os.write on fds 0-2 flushes sys.stdout first, so output appears in program order even when
# stdout is a pipe (plain python3 would print the os.write lines first).
# run: rpp run %s
# stdout: one
# stdout: two (os.write)
# stdout: three
# stdout: four (os.write)
import os


def entry_point(argv):
    print("one")
    os.write(1, b"two (os.write)\n")
    print("three")
    os.write(1, "four (os.write)\n".encode("utf-8"))
    return 0
