"""Importing a target file as `python3` would import it, and finding its entry point.

A target defines `target(driver, args)` returning `(entry_point, None)` as in RPython, optionally
`jitpolicy(driver)`, or just `entry_point(argv)`.
"""

import os
import sys

# The import system's own module (always loaded): importlib.util would import ~24 more modules.
import _frozen_importlib_external as _importlib_external

from _rpp.errors import TargetError
from _rpp.sources import SourceCapture


class Driver:
    """What `target(driver, args)` receives: the translation options, readable by the target."""

    def __init__(self, options):
        self.options = dict(options)
        self.jit = self.options.get("jit") == "1"

    def __repr__(self):
        return "<rpp driver %r>" % (self.options,)


def import_target(path):
    """Import the file at `path` as a module named after it; its folder goes first on sys.path."""
    if not os.path.exists(path):
        raise TargetError("rpp: error: %s: no such file" % path)
    if os.path.isdir(path):
        raise TargetError("rpp: error: %s: is a directory, not a Python file" % path)
    path = os.path.abspath(path)
    folder, base = os.path.split(path)
    name = base[:-3] if base.endswith(".py") else base
    if not name.isidentifier():
        raise TargetError("rpp: error: %s: '%s' is not a valid module name" % (path, name))
    sys.path.insert(0, folder)
    spec = _importlib_external.spec_from_file_location(name, path)
    module = _importlib_external._bootstrap.module_from_spec(spec)
    sys.modules[name] = module
    try:
        with SourceCapture():
            spec.loader.exec_module(module)
    except SyntaxError as e:
        raise TargetError(_format_syntax_error(e)) from None
    except SystemExit as e:
        raise TargetError("rpp: error: importing %s called sys.exit(%r)" % (path, e.code)) from None
    except BaseException as e:
        import traceback  # only on this error path (docs/memory.md)
        tb = traceback.format_exception(type(e), e, e.__traceback__.tb_next)
        raise TargetError("rpp: error: importing %s raised an exception:\n%s"
                          % (path, "".join(tb).rstrip("\n"))) from None
    return module


def _format_syntax_error(e):
    filename = e.filename or "?"
    line = e.lineno or 0
    col = e.offset or 0
    kind = type(e).__name__
    what = "syntax error" if kind == "SyntaxError" else kind
    text = "%s:%d:%d: error: %s: %s" % (filename, line, col, what, e.msg)
    if e.text:
        src = e.text.rstrip("\n")
        stripped = src.lstrip()
        text += "\n    " + stripped
        if col:
            text += "\n    " + " " * max(0, col - 1 - (len(src) - len(stripped))) + "^"
    return text


def find_entry(module, path, options, args):
    """Return (entry_point, jitpolicy_or_None) from a target module."""
    driver = Driver(options)
    policy = None
    if hasattr(module, "target"):
        target = module.target
        if not callable(target):
            raise TargetError("rpp: error: %s: 'target' is not a function" % path)
        try:
            result = target(driver, list(args))
        except BaseException as e:
            import traceback  # only on this error path (docs/memory.md)
            tb = traceback.format_exception(type(e), e, e.__traceback__.tb_next)
            raise TargetError("rpp: error: %s: target(driver, args) raised an exception:\n%s"
                              % (path, "".join(tb).rstrip("\n"))) from None
        entry = result[0] if isinstance(result, (tuple, list)) else result
        if not callable(entry):
            raise TargetError("rpp: error: %s: target(driver, args) must return "
                              "(entry_point, None), got %r" % (path, result))
    elif hasattr(module, "entry_point"):
        entry = module.entry_point
        if not callable(entry):
            raise TargetError("rpp: error: %s: 'entry_point' is not a function" % path)
    else:
        raise TargetError("rpp: error: %s defines neither target(driver, args) nor entry_point(argv)"
                          % path)
    if hasattr(module, "jitpolicy"):
        policy = module.jitpolicy(driver)
    return entry, policy
