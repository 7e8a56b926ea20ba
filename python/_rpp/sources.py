"""Finding the source text of every function, including functions made by `exec` at import time.

While the target imports, `builtins.exec` and `builtins.compile` are wrapped: source strings given
to them are registered in `_rpp.lines` under a unique name, so a function created by `exec` keeps
its source and `function_source` finds it from the code object like any other function.
"""

import builtins
import sys

from _rpp import lines as _lines
from _rpp.errors import TargetError

_counter = [0]


def _register_source(source, hint):
    """Store `source` in _rpp.lines under a new name `<rpp-exec-N: hint>` and return the name."""
    _counter[0] += 1
    name = "<rpp-exec-%d:%s>" % (_counter[0], hint)
    _lines.register(name, source)
    return name


def _caller_hint(depth):
    frame = sys._getframe()
    for _ in range(depth):
        if frame is None:
            break
        frame = frame.f_back
    if frame is None:
        return "?"
    return "%s:%d" % (frame.f_code.co_filename, frame.f_lineno)


class SourceCapture:
    """Context manager that wraps exec/compile so that exec-made functions keep their source."""

    def __enter__(self):
        self.real_exec = builtins.exec
        self.real_compile = builtins.compile
        real_compile = self.real_compile
        real_exec = self.real_exec

        def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kw):
            if isinstance(source, (str, bytes)) and not _is_real_file(filename):
                filename = _register_source(source, "%s from %s" % (filename, _caller_hint(2)))
            return real_compile(source, filename, mode, flags, dont_inherit, optimize, **kw)

        def exec(source, globals=None, locals=None, *args, **kw):
            if isinstance(source, (str, bytes)):
                source = compile(source, "<string>", "exec")
            if globals is None:
                caller = sys._getframe(1)
                globals = caller.f_globals
                if locals is None:
                    locals = caller.f_locals
            return real_exec(source, globals, locals, *args, **kw)

        builtins.compile = compile
        builtins.exec = exec
        return self

    def __exit__(self, *exc):
        builtins.exec = self.real_exec
        builtins.compile = self.real_compile
        return False


def _is_real_file(filename):
    if not isinstance(filename, str) or filename.startswith("<"):
        return False
    return bool(_lines.getlines(filename))


def function_source(func):
    """Return (filename, first_line, source_text) of a Python function, from its code object.

    Raises TargetError with the function's defining location when its source cannot be found."""
    code = getattr(func, "__code__", None)
    if code is None:
        raise TargetError("%r is not a Python function" % (func,))
    filename = code.co_filename
    first = code.co_firstlineno
    lines = _lines.getlines(filename)
    if not lines or first > len(lines):
        raise TargetError(
            "%s:%d: error: cannot find the source of function '%s' (defined in %s); "
            "functions made at import time must come from a file or from exec() of a string"
            % (filename, first, code.co_qualname, filename))
    import inspect  # only here: it costs ~2.7 MB (docs/memory.md)
    block = inspect.getblock(lines[first - 1:])
    return filename, first, "".join(block)
