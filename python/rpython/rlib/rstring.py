"""String building and string helpers.

`StringBuilder` and `UnicodeBuilder` build a `str` (text; in RPython 3 both are the same kind of
string, and UnicodeBuilder is kept so RPython sources that name it keep working); `BytesBuilder`
builds `bytes`. Appending is amortized O(1) and `build()` makes the string once.
"""

import sys

INIT_SIZE = 100


class ParseStringError(Exception):
    """A string that does not parse as a number (string_to_int, string_to_float)."""

    def __init__(self, msg):
        Exception.__init__(self, msg)
        self.msg = msg


class InvalidBaseError(ParseStringError):
    """A base outside 2..36 (and not 0) given to string_to_int."""


class ParseStringOverflowError(Exception):
    """A number that parses but does not fit a machine word."""

    def __init__(self, msg):
        Exception.__init__(self, msg)
        self.msg = msg


# ____________________________________________________________
# builders

class AbstractStringBuilder(object):
    _kind = str
    _empty = ""

    def __init__(self, init_size=INIT_SIZE):
        if not isinstance(init_size, int) or init_size < 0:
            raise ValueError("%s(init_size): a non-negative int expected, got %r"
                             % (self.__class__.__name__, init_size))
        self._pieces = []
        self._length = 0

    def _check(self, s, what):
        if not isinstance(s, self._kind):
            raise TypeError("%s.%s() expects %s, not %s" % (
                self.__class__.__name__, what, self._kind.__name__, type(s).__name__))

    def append(self, s):
        """Appends the whole string `s`."""
        self._check(s, "append")
        if s:
            self._pieces.append(s)
            self._length += len(s)

    def append_slice(self, s, start, end):
        """Appends s[start:end]; requires 0 <= start <= end <= len(s) (a ValueError otherwise)."""
        self._check(s, "append_slice")
        if not (0 <= start <= end <= len(s)):
            raise ValueError("%s.append_slice(): bad slice [%d:%d] of a string of length %d"
                             % (self.__class__.__name__, start, end, len(s)))
        if end > start:
            self._pieces.append(s[start:end])
            self._length += end - start

    def append_multiple_char(self, c, times):
        """Appends the single character `c`, `times` times (nothing when times <= 0)."""
        self._check(c, "append_multiple_char")
        if len(c) != 1:
            raise ValueError("%s.append_multiple_char() expects one character, got %d"
                             % (self.__class__.__name__, len(c)))
        if times > 0:
            self._pieces.append(c * times)
            self._length += times

    def build(self):
        """The string built so far (the builder can still be appended to)."""
        if len(self._pieces) > 1:
            self._pieces = [self._empty.join(self._pieces)]
        return self._pieces[0] if self._pieces else self._empty

    def getlength(self):
        """The length of the string built so far."""
        return self._length


class StringBuilder(AbstractStringBuilder):
    """Builds a str."""


class UnicodeBuilder(AbstractStringBuilder):
    """Builds a str (same as StringBuilder: str is text)."""


class BytesBuilder(AbstractStringBuilder):
    """Builds bytes; append_multiple_char takes a bytes object of length 1."""
    _kind = bytes
    _empty = b""


# ____________________________________________________________
# helpers with RPython's argument conventions

def _check_str(s, what):
    if not isinstance(s, (str, bytes)):
        raise TypeError("%s() expects str or bytes, not %s" % (what, type(s).__name__))


def split(value, by=None, maxsplit=-1):
    """value.split(by, maxsplit); `by` must not be empty."""
    _check_str(value, "split")
    if by is not None and not by:
        raise ValueError("empty separator")
    return value.split(by, maxsplit)


def rsplit(value, by=None, maxsplit=-1):
    """value.rsplit(by, maxsplit); `by` must not be empty."""
    _check_str(value, "rsplit")
    if by is not None and not by:
        raise ValueError("empty separator")
    return value.rsplit(by, maxsplit)


def replace(input, sub, by, maxcount=-1):
    """input.replace(sub, by, maxcount)."""
    _check_str(input, "replace")
    return input.replace(sub, by, maxcount)


def startswith(u_self, prefix, start=0, end=sys.maxsize):
    return u_self.startswith(prefix, start, end)


def endswith(u_self, suffix, start=0, end=sys.maxsize):
    return u_self.endswith(suffix, start, end)


def find(value, other, start, end):
    return value.find(other, start, end)


def rfind(value, other, start, end):
    return value.rfind(other, start, end)


def count(value, other, start, end):
    return value.count(other, start, end)


def strip_spaces(s):
    """s without leading and trailing ASCII whitespace (space, \\t \\n \\r \\f \\v)."""
    return s.strip(" \t\n\r\f\v" if isinstance(s, str) else b" \t\n\r\f\v")


def assert_str0(fname):
    """Asserts that `fname` contains no NUL character (returns it)."""
    if ("\x00" if isinstance(fname, str) else b"\x00") in fname:
        raise AssertionError("string contains a NUL character: %r" % (fname,))
    return fname


def check_str0(fname):
    """Tells the annotator that `fname` contains no NUL (checked untranslated)."""
    return assert_str0(fname)
