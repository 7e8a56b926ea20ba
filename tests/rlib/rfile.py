# rfile: stdio in text mode (in program order with print), files in text and binary modes.
# run: rpp run %s
# same-as: python3
# stdin: first line
# stdin: sécond
# stdin: rest
# stdout: 1 print
# stdout: 2 stdout.write
# stdout: 3 print
# stdout: 'first line\n'
# stdout: 'séc'
# stdout: 'ond\nrest\n' ''
# stdout: 14 False
# stdout: ['héllo\n', 'wörld\n', '']
# stdout: hé|llo
# stdout: 6 [169, 108, 108, 111]
# stdout: 0 'héllo\nwörld\nmore\n'
# stdout: [1, 2, 255] 3
# stdout: ValueError closed
# stdout: OSError missing
# stdout: TypeError text
# stdout: ValueError mode
# stdout: 8192 [120, 121]
# stdout: ok
import os
import sys
from rpython.rlib.rfile import create_stdio, create_file, create_fdopen_rfile


def entry_point(argv):
    stdin, stdout, stderr = create_stdio()
    print("1 print")
    stdout.write("2 stdout.write\n")
    print("3 print")
    stdout.flush()
    print(repr(stdin.readline()))
    print(repr(stdin.read(3)))           # three characters, one of them two bytes long
    print(repr(stdin.read()), repr(stdin.readline()))
    stderr.write("to stderr\n")
    path = "rfile_test.txt"
    f = create_file(path, "w")
    f.write("héllo\n")
    f.write("wörld\n")
    print(f.tell(), f.isatty())
    f.close()
    f.close()                            # closing twice is fine
    f = create_file(path, "r")
    lines = [f.readline(), f.readline(), f.readline()]
    print(lines)
    f.seek(0)
    print(f.read(2) + "|" + f.readline().rstrip("\n"))
    f.close()
    with create_file(path, "rb") as g:
        g.seek(1)
        g.read(1)
        data = g.read(4)
        print(g.tell(), list(data))
    a = create_file(path, "a")
    a.write("more\n")
    a.close()
    r = create_file(path, "r")
    print(r.tell(), repr(r.read()))
    r.close()
    b = create_file(path, "wb+")
    b.write(bytes([1, 2, 255]))
    b.seek(0)
    print(list(b.read()), b.tell())
    b.close()
    try:
        b.read()
    except ValueError:
        print("ValueError closed")
    try:
        create_file("no/such/dir/file.txt", "r")
    except OSError:
        print("OSError missing")
    t = create_file(path, "w")
    try:
        t.write(b"bytes")
    except TypeError:
        print("TypeError text")
    t.close()
    try:
        create_file(path, "rw")
    except ValueError:
        print("ValueError mode")
    fd = os.open(path, os.O_RDWR | os.O_TRUNC)
    big = create_fdopen_rfile(fd, "rb+")
    big.write(b"x" * 8190)
    big.write(b"xy")
    big.seek(-2, 2)
    print(big.tell() + 2, list(big.read(10)))
    big.close()
    os.unlink(path)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
