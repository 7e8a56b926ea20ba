"""Debugging aids: debug prints, low-level assertions, annotation checks, fatal errors.

Untranslated, `debug_print` writes its arguments to stderr (separated by spaces, then a newline);
in a translated program it writes to the log file selected with RPP_LOG, inside debug sections
(`debug_start`/`debug_stop`). `ll_assert` raises AssertionError untranslated and is a fatal error
translated. `fatalerror` prints "Fatal RPython error: MSG" on stderr and ends the process with
exit code 1, in both worlds.
"""

import os
import sys
import time


def _flush_stdout():
    try:
        sys.stdout.flush()
    except Exception:
        pass


def _write_stderr(text):
    _flush_stdout()
    sys.stderr.write(text)
    sys.stderr.flush()


def debug_print(*args):
    """Writes the arguments (str() of each) and a newline to stderr."""
    _write_stderr(" ".join([str(a) for a in args]) + "\n")


_sections = []


def debug_start(category, timestamp=False):
    """Opens the debug section `category` (sections nest). Untranslated it only keeps track of
    the nesting; returns the timestamp (in ns) when asked, else 0."""
    if not isinstance(category, str):
        raise TypeError("debug_start() expects a category name")
    _sections.append(category)
    return time.perf_counter_ns() if timestamp else 0


def debug_stop(category, timestamp=False):
    """Closes the debug section `category`, which must be the innermost open one."""
    if not _sections or _sections[-1] != category:
        raise AssertionError("debug_stop(%r) does not match debug_start(%r)"
                             % (category, _sections[-1] if _sections else None))
    _sections.pop()
    return time.perf_counter_ns() if timestamp else 0


def have_debug_prints():
    """Whether debug_print output goes anywhere (True untranslated)."""
    return True


def have_debug_prints_for(category_prefix):
    return True


def debug_offset():
    """The current offset in the debug log, or -1 when it is not a file (-1 untranslated)."""
    return -1


def debug_flush():
    """Flushes the debug log."""
    sys.stderr.flush()


class FatalError(Exception):
    pass


def ll_assert(condition, msg):
    """A low-level assertion: AssertionError(msg) untranslated when `condition` is false; a fatal
    error in a translated program (kept even with --asserts=remove)."""
    if not condition:
        raise AssertionError(msg)


def fatalerror(msg):
    """Prints "Fatal RPython error: MSG" on stderr (after flushing stdout) and exits with code 1.
    Nothing can catch it."""
    _write_stderr("Fatal RPython error: %s\n" % (msg,))
    os._exit(1)


def fatalerror_notb(msg):
    """fatalerror() without the traceback of RPython functions (same untranslated)."""
    fatalerror(msg)


# ____________________________________________________________
# checks read by the annotator; untranslated they check what they can

def make_sure_not_resized(arg):
    """Tells the annotator that the list `arg` must never be resized (it becomes a fixed-size
    array); a translation error if some code resizes it. Returns arg."""
    if not isinstance(arg, list):
        raise TypeError("make_sure_not_resized() expects a list, not %s" % type(arg).__name__)
    return arg


def mark_dict_non_null(d):
    """Tells the annotator that the dict's keys and values are never None."""
    if not isinstance(d, dict):
        raise TypeError("mark_dict_non_null() expects a dict")
    return d


class IntegerCanBeNegative(Exception):
    pass


class UnexpectedRUInt(Exception):
    pass


class ExpectedRegularInt(Exception):
    pass


class NotAListOfChars(Exception):
    pass


def check_nonneg(x):
    """Tells the annotator that the int x is >= 0 (a translation error if it cannot prove it);
    untranslated, an AssertionError when x < 0. Returns x."""
    from rpython.rlib.rarithmetic import r_uint
    if not isinstance(x, int):
        raise TypeError("check_nonneg() expects an int, not %s" % type(x).__name__)
    if isinstance(x, r_uint):
        raise UnexpectedRUInt("check_nonneg() of an r_uint")
    if x < 0:
        raise AssertionError("check_nonneg: %d is negative" % x)
    return x


def check_regular_int(x):
    """Checks that x is a plain int (not a typed integer). Returns x."""
    from rpython.rlib.rarithmetic import base_int
    if not isinstance(x, int) or isinstance(x, base_int):
        raise ExpectedRegularInt("check_regular_int() of %s" % type(x).__name__)
    return x


def check_list_of_chars(lst):
    """Checks that lst is a list of one-character strings. Returns lst."""
    if not isinstance(lst, list):
        raise NotAListOfChars("not a list")
    for c in lst:
        if not isinstance(c, str) or len(c) != 1:
            raise NotAListOfChars("item %r is not a character" % (c,))
    return lst


def check_annotation(arg, checker):
    """Calls checker(annotation, bookkeeper) at translation time; returns arg untranslated."""
    return arg


def attach_gdb():
    """Stops the process in a debugger (translated only); no effect untranslated."""
    return None
