"""Making functions at import time: renamed copies and functions generated from source text.

Functions generated here keep their source text in `_rpp.lines`, under a name starting with
`<rpython-gen`, so the translator can find the source of every generated function exactly as it
finds the source of functions written in files.
"""

import types

from _rpp import lines as _lines

_generated = [0]
_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08


def _register(source, hint):
    _generated[0] += 1
    filename = "<rpython-gen-%d:%s>" % (_generated[0], hint)
    _lines.register(filename, source)
    return filename


def make_function(source, name, namespace, hint=None):
    """Execute `source` (which must define a function called `name`) in a fresh copy of
    `namespace` and return that function. Its source stays findable through _rpp.lines."""
    filename = _register(source, hint or name)
    code = compile(source, filename, "exec")
    ns = dict(namespace)
    exec(code, ns)
    return ns[name]


def func_with_new_name(func, newname, globals=None):
    """A new function object with the same code, defaults, closure and attributes as `func`,
    named `newname`. The copy is a distinct function: the annotator treats it separately."""
    code = func.__code__
    qualname = func.__qualname__
    if "." in qualname:
        qualname = qualname.rsplit(".", 1)[0] + "." + newname
    else:
        qualname = newname
    code = code.replace(co_name=newname, co_qualname=qualname)
    f = types.FunctionType(code, func.__globals__ if globals is None else globals, newname,
                           func.__defaults__, func.__closure__)
    f.__kwdefaults__ = dict(func.__kwdefaults__) if func.__kwdefaults__ else None
    f.__dict__.update(func.__dict__)
    f.__doc__ = func.__doc__
    f.__module__ = func.__module__
    f.__qualname__ = qualname
    f.__annotations__ = dict(func.__annotations__)
    return f


def func_renamer(newname):
    """Decorator form of func_with_new_name."""
    def decorate(func):
        return func_with_new_name(func, newname)
    return decorate


def positional_arg_names(func, what="function"):
    """The names of the positional parameters of `func`; a TypeError if it also takes *args,
    **kwargs or keyword-only parameters (a generated wrapper must name every argument)."""
    if not isinstance(func, types.FunctionType):
        raise TypeError("%s: expected a Python function, got %r" % (what, func))
    # From the code object (inspect.signature would import inspect: ~2.7 MB, docs/memory.md).
    code = func.__code__
    if code.co_flags & (_CO_VARARGS | _CO_VARKEYWORDS) or code.co_kwonlyargcount:
        raise TypeError("%s: %s() must take only positional parameters, not *args, **kwargs "
                        "or keyword-only parameters" % (what, func.__name__))
    return list(code.co_varnames[:code.co_argcount])
