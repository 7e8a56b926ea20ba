# streamio: open_file_as_stream in binary and text modes; read, readall, readline, seek, tell.
# run: rpp run %s
# same-as: python3
# stdout: 11
# stdout: [108, 105, 110, 101, 49, 10] [108, 105, 110, 101, 50] [] 11
# stdout: [] 0 True -1
# stdout: 'line1\n' 'li' 'ne2\n' ''
# stdout: 'ωx' 3
# stdout: StreamError closed
# stdout: StreamError mode
# stdout: OSError missing
# stdout: 3 True
# stdout: ok
import os
import sys
from rpython.rlib.streamio import (open_file_as_stream, fdopen_as_stream, StreamError,
                                   StreamErrors)


def entry_point(argv):
    path = "streamio_test.bin"
    out = open_file_as_stream(path, "wb")
    out.write(b"line1\nline2\n")
    out.seek(-1, 1)
    out.truncate()                   # drops the last newline
    print(out.tell())
    out.close()
    s = open_file_as_stream(path, "rb")
    first = s.readline()
    second = s.read(5)
    rest = s.readall()
    print(list(first), list(second), list(rest), s.tell())
    fd_open = s.try_to_find_file_descriptor()
    at_end = list(s.read(10))
    nothing = len(s.readall())
    s.close()
    print(at_end, nothing, fd_open >= 0, s.try_to_find_file_descriptor())
    with open_file_as_stream(path, "a") as t:
        t.write("\n")
    t = open_file_as_stream(path, "r")
    print(repr(t.readline()), repr(t.read(2)), repr(t.readline()), repr(t.read(0)))
    t.close()
    w = open_file_as_stream(path, "w")
    w.write("\u03c9x")
    w.close()
    t = open_file_as_stream(path, "r")
    text = t.readall()
    print(repr(text), t.tell())
    t.close()
    try:
        t.read(1)
    except StreamError:
        print("StreamError closed")
    try:
        open_file_as_stream(path, "q")
    except StreamError:
        print("StreamError mode")
    try:
        open_file_as_stream("no/such/dir/x", "r")
    except StreamErrors:
        print("OSError missing")
    fd = os.open(path, os.O_RDONLY)
    f = fdopen_as_stream(fd, "rb")
    print(len(f.readall()), f.try_to_find_file_descriptor() == fd)
    f.close()
    os.unlink(path)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
