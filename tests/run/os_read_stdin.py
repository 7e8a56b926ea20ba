# os.read(0, n) reads standard input (and flushes sys.stdout first).
# run: rpp run %s
# stdin: first line
# stdin: second line
# stdout: prompt
# stdout: got 23 bytes, 2 lines
# stdout: FIRST LINE
import os


def entry_point(argv):
    print("prompt")
    data = b""
    while True:
        chunk = os.read(0, 4)
        if not chunk:
            break
        data += chunk
    text = data.decode("utf-8")
    lines = text.splitlines()
    print("got %d bytes, %d lines" % (len(data), len(lines)))
    print(lines[0].upper())
    return 0
