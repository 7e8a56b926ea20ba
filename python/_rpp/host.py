"""Running a program untranslated (`rpp run`), with the I/O rules of SEMANTICS.md.

`os.write`/`os.read` on fds 0-2 flush `sys.stdout` first, so output appears in program order; an
uncaught exception prints a traceback and `Cls: msg` as the last line of stderr, and exits 1.
"""

import os
import sys

RECURSION_LIMIT = 100000


def install_untranslated_io():
    real_write = os.write
    real_read = os.read

    def write(fd, data):
        if 0 <= fd <= 2:
            sys.stdout.flush()
        return real_write(fd, data)

    def read(fd, n):
        if 0 <= fd <= 2:
            sys.stdout.flush()
        return real_read(fd, n)

    write.__doc__ = real_write.__doc__
    read.__doc__ = real_read.__doc__
    os.write = write
    os.read = read
    sys.setrecursionlimit(RECURSION_LIMIT)


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def report_uncaught(e):
    """Traceback of the program's frames, then `Cls: msg` as the last line (as translated)."""
    _flush()
    tb = e.__traceback__
    import linecache  # only on this error path: they cost ~1.6 MB of memory (docs/memory.md)
    import traceback
    from _rpp import lines as _lines
    for name, source_lines in _lines.registered().items():  # sources made by exec
        linecache.cache[name] = (sum(map(len, source_lines)), None, source_lines, name)
    lines = traceback.format_list(traceback.extract_tb(tb.tb_next if tb else None))
    sys.stderr.write("Traceback (most recent call last):\n" + "".join(lines))
    msg = str(e)
    sys.stderr.write("%s: %s\n" % (type(e).__name__, msg) if msg else "%s\n" % type(e).__name__)
    _flush()


def run_entry(entry, argv):
    """Call entry(argv) and return the process exit code."""
    try:
        result = entry(list(argv))
    except SystemExit as e:
        code = e.code
        if code is None:
            code = 0
        elif not isinstance(code, int):
            _flush()
            sys.stderr.write("%s\n" % (code,))
            code = 1
        _flush()
        return code & 0xFF
    except BaseException as e:
        report_uncaught(e)
        return 1
    _flush()
    if result is None:
        return 0
    if not isinstance(result, int):
        sys.stderr.write("rpp: error: entry_point returned %r, not an int\n" % (result,))
        return 2
    return result & 0xFF
