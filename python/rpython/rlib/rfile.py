"""Files over file descriptors: `create_stdio()`, `create_file(path, mode)`,
`create_fdopen_rfile(fd, mode)`.

A mode with "b" reads and writes `bytes`; any other mode reads and writes `str`, encoded as
UTF-8 (strictly: invalid input raises UnicodeDecodeError; no newline translation). In text mode
`read(n)` returns at most n characters. The standard streams from `create_stdio()` are in text
mode; writes to fds 1 and 2 are not buffered (they go out in program order with `print`, whose
buffer is flushed first), and closing them does not close the fd. Other files buffer their
writes (8 KiB) until flush(), close(), a seek, a tell or a read.

Reading is buffered: data read from a file but not yet returned is not seen by `os.read` on the
same fd. The code is RPython over os.open/read/write/lseek/close.
"""

import os
import sys

from rpython.rlib.objectmodel import we_are_translated

BUFFER_SIZE = 8192

_WHENCE_SET = 0
_WHENCE_CUR = 1
_WHENCE_END = 2


def _utf8_complete_prefix(data):
    """The length of the longest prefix of `data` that does not end inside a UTF-8 sequence."""
    n = len(data)
    i = n - 1
    back = 0
    while i >= 0 and back < 4:
        byte = data[i]
        if byte & 0xC0 != 0x80:          # not a continuation byte: a lead or ASCII byte
            if byte < 0x80:
                need = 1
            elif byte >= 0xF0:
                need = 4
            elif byte >= 0xE0:
                need = 3
            elif byte >= 0xC0:
                need = 2
            else:
                need = 1
            if n - i >= need:
                return n
            return i
        i -= 1
        back += 1
    return n


class ModeError(ValueError):
    pass


def decode_mode(mode):
    """(os flags, readable, writable, binary) for a mode such as "r", "wb", "a+", "x"."""
    if not isinstance(mode, str) or not mode:
        raise ModeError("invalid mode: %r" % (mode,))
    kind = mode[0]
    rest = mode[1:]
    plus = False
    binary = False
    for c in rest:
        if c == "+" and not plus:
            plus = True
        elif c == "b" and not binary:
            binary = True
        elif c == "t" and not binary:
            pass
        else:
            raise ModeError("invalid mode: %r" % (mode,))
    if kind == "r":
        flags = os.O_RDWR if plus else os.O_RDONLY
        readable, writable = True, plus
    elif kind == "w":
        flags = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_TRUNC
        readable, writable = plus, True
    elif kind == "a":
        flags = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_APPEND
        readable, writable = plus, True
    elif kind == "x":
        flags = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_EXCL
        readable, writable = plus, True
    else:
        raise ModeError("invalid mode: %r" % (mode,))
    return flags, readable, writable, binary


class RFile(object):
    """A file over the descriptor `fd`; see the module's docstring for the modes."""

    def __init__(self, fd, mode="r", close_fd=True, buffer_writes=True):
        flags, readable, writable, binary = decode_mode(mode)
        self.fd = fd
        self.mode = mode
        self.binary = binary
        self.readable = readable
        self.writable = writable
        self.closed = False
        self._close_fd = close_fd
        self._buffer_writes = buffer_writes and fd > 2
        self._rbuf = b""            # read from the fd, not yet returned
        self._wbuf = []             # written, not yet sent to the fd
        self._wlen = 0

    # ---- errors ----

    def _closed_error(self):
        return ValueError("I/O operation on closed file")

    def _check_open(self):
        if self.closed:
            raise self._closed_error()

    def _check_readable(self):
        self._check_open()
        if not self.readable:
            raise OSError(9, "file not open for reading")

    def _check_writable(self):
        self._check_open()
        if not self.writable:
            raise OSError(9, "file not open for writing")

    # ---- low level ----

    def _os_write_all(self, data):
        if self.fd <= 2 and not we_are_translated():
            sys.stdout.flush()
        total = 0
        while total < len(data):
            n = os.write(self.fd, data[total:])
            if n <= 0:
                raise OSError(5, "write returned %d" % n)
            total += n

    def _flush_writes(self):
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            self._os_write_all(data)

    def _fill(self):
        """Reads more bytes into the read buffer; False at end of file."""
        self._flush_writes()
        if self.fd == 0 and not we_are_translated():
            sys.stdout.flush()
        data = os.read(self.fd, BUFFER_SIZE)
        if not data:
            return False
        self._rbuf += data
        return True

    def _take(self, n):
        data = self._rbuf[:n]
        self._rbuf = self._rbuf[n:]
        return data

    def _read_bytes(self, size):
        """Up to `size` bytes (all of them until end of file when size < 0)."""
        if size < 0:
            while self._fill():
                pass
            return self._take(len(self._rbuf))
        while len(self._rbuf) < size:
            if not self._fill():
                break
        return self._take(size)

    def _read_line_bytes(self, limit):
        start = 0
        while True:
            index = self._rbuf.find(b"\n", start)
            if index >= 0:
                end = index + 1
                if 0 <= limit < end:
                    end = limit
                return self._take(end)
            if 0 <= limit <= len(self._rbuf):
                return self._take(limit)
            start = len(self._rbuf)
            if not self._fill():
                return self._take(len(self._rbuf))

    # ---- reading ----

    def read(self, size=-1):
        """Up to `size` bytes (binary) or characters (text), fewer only at end of file; the whole
        rest of the file when size < 0."""
        self._check_readable()
        if self.binary:
            return self._read_bytes(size)
        if size < 0:
            return self._read_bytes(-1).decode("utf-8")
        pieces = []
        count = 0
        while count < size:
            chunk = self._read_bytes(size - count)
            if not chunk:
                break
            cut = _utf8_complete_prefix(chunk)
            if cut < len(chunk):
                # finish the last character (at most 3 more bytes)
                while True:
                    more = self._read_bytes(1)
                    if not more:
                        break
                    chunk += more
                    cut = _utf8_complete_prefix(chunk)
                    if cut == len(chunk):
                        break
            text = chunk.decode("utf-8")
            pieces.append(text)
            count += len(text)
        return "".join(pieces)

    def readline(self, size=-1):
        """The next line, with its "\\n" (none at end of file); at most `size` bytes (binary) or
        characters (text) when size >= 0. Returns an empty string at end of file."""
        self._check_readable()
        if self.binary:
            return self._read_line_bytes(size)
        if size < 0:
            return self._read_line_bytes(-1).decode("utf-8")
        pieces = []
        while len(pieces) < size:
            c = self.read(1)
            if not c:
                break
            pieces.append(c)
            if c == "\n":
                break
        return "".join(pieces)

    # ---- writing ----

    def write(self, value):
        """Writes bytes (binary mode) or str (text mode, encoded as UTF-8)."""
        self._check_writable()
        if self.binary:
            if not isinstance(value, bytes):
                raise TypeError("write() of a binary file expects bytes, not %s"
                                % type(value).__name__)
            data = value
        else:
            if not isinstance(value, str):
                raise TypeError("write() of a text file expects str, not %s"
                                % type(value).__name__)
            data = value.encode("utf-8")
        if self._rbuf:
            self._drop_read_buffer()
        if not self._buffer_writes:
            self._os_write_all(data)
            return
        self._wbuf.append(data)
        self._wlen += len(data)
        if self._wlen >= BUFFER_SIZE:
            self._flush_writes()

    def flush(self):
        self._check_open()
        self._flush_writes()

    # ---- positioning ----

    def _drop_read_buffer(self):
        if self._rbuf:
            os.lseek(self.fd, -len(self._rbuf), _WHENCE_CUR)
            self._rbuf = b""

    def seek(self, pos, whence=0):
        self._check_open()
        self._flush_writes()
        if whence == _WHENCE_CUR:
            pos -= len(self._rbuf)
        elif whence != _WHENCE_SET and whence != _WHENCE_END:
            raise ValueError("seek(): invalid whence %d" % whence)
        self._rbuf = b""
        os.lseek(self.fd, pos, whence)

    def tell(self):
        self._check_open()
        self._flush_writes()
        return os.lseek(self.fd, 0, _WHENCE_CUR) - len(self._rbuf)

    def truncate(self, size=-1):
        self._check_open()
        if size < 0:
            size = self.tell()
        self._flush_writes()
        os.ftruncate(self.fd, size)

    # ---- the rest ----

    def fileno(self):
        self._check_open()
        return self.fd

    def isatty(self):
        self._check_open()
        return os.isatty(self.fd)

    def close(self):
        """Flushes and closes the file (the fd is kept for the standard streams). Closing twice
        does nothing."""
        if self.closed:
            return
        try:
            self._flush_writes()
        finally:
            self.closed = True
            if self._close_fd:
                os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.close()
        return False


def create_file(filename, mode="r", buffering=-1):
    """Opens the file `filename`; raises OSError when it cannot be opened."""
    flags, readable, writable, binary = decode_mode(mode)
    fd = os.open(filename, flags, 0o666)
    return RFile(fd, mode, True, buffering != 0)


def create_fdopen_rfile(fd, mode="r", buffering=-1):
    """An RFile over an already open descriptor (closed with the RFile)."""
    decode_mode(mode)
    return RFile(fd, mode, True, buffering != 0)


def create_stdio():
    """(stdin, stdout, stderr) as text-mode RFiles over fds 0, 1, 2."""
    return (RFile(0, "r", False, False), RFile(1, "w", False, False),
            RFile(2, "w", False, False))
