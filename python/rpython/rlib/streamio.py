"""Streams: `open_file_as_stream(path, mode)` and `fdopen_as_stream(fd, mode)`.

A stream has read(n), readall(), readline(), write(data), flush(), seek(pos, whence), tell(),
truncate(size), close(), try_to_find_file_descriptor(). As with rfile, a mode with "b" deals in
`bytes` and any other mode in `str` (UTF-8). Errors: OSError from the system, StreamError for a
bad mode or a closed stream (`StreamErrors` is the tuple of both).
"""

from rpython.rlib.rfile import RFile, decode_mode, ModeError


class StreamError(Exception):
    def __init__(self, message):
        Exception.__init__(self, message)
        self.message = message


StreamErrors = (OSError, StreamError)


class Stream(RFile):
    """A buffered stream over a file descriptor."""

    def _closed_error(self):
        return StreamError("I/O operation on closed stream")

    def readall(self):
        """The rest of the stream."""
        return self.read(-1)

    def try_to_find_file_descriptor(self):
        """The stream's file descriptor, or -1 once it is closed."""
        if self.closed:
            return -1
        return self.fd

    def peek(self):
        """The bytes already read from the fd but not yet returned (may be empty)."""
        self._check_readable()
        return self._rbuf


def _decode(mode):
    try:
        return decode_mode(mode)
    except ModeError:
        raise StreamError("invalid mode: %r" % (mode,))


def open_file_as_stream(path, mode="r", buffering=-1, signal_checker=None):
    """Opens `path` as a stream; OSError if it cannot be opened."""
    import os
    flags, readable, writable, binary = _decode(mode)
    fd = os.open(path, flags, 0o666)
    return Stream(fd, mode, True, buffering != 0)


def fdopen_as_stream(fd, mode, buffering=-1, signal_checker=None):
    """A stream over an open descriptor (closed with the stream)."""
    _decode(mode)
    return Stream(fd, mode, True, buffering != 0)
