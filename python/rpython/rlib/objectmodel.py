"""The object model seen from RPython: translation-time specialization, custom dicts, hashes,
mixins, inlining hints.

Untranslated every function here does what its name says on CPython (`we_are_translated()` is
False); the decorators also leave marker attributes that the annotator reads (docs/rlib.md):

    _annspecialcase_   "specialize:KIND" or "specialize:KIND(A,B,...)"   (specialize.*)
    _annenforceargs_   tuple of expected argument types                  (enforceargs)
    _always_inline_    True, or "try"                                    (always_inline, try_inline)
    _dont_inline_      True                                              (dont_inline)
    _not_rpython_      True                                              (not_rpython)
"""

import sys
import types

from rpython.tool.sourcetools import (func_with_new_name, make_function,
                                      positional_arg_names)

# Code object flags (inspect.CO_*; importing inspect costs ~2.7 MB, docs/memory.md).
_CO_OPTIMIZED, _CO_VARARGS = 0x01, 0x04

_WORD_MASK = (1 << 64) - 1
_WORD_SIGN = 1 << 63


def _wrap_word(n):
    n &= _WORD_MASK
    return n - (1 << 64) if n & _WORD_SIGN else n


def _target_function(obj, decorator):
    """The Python function a decorator marks: `obj` itself, or the function inside a
    staticmethod/classmethod. Anything else is a TypeError naming the decorator."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if not isinstance(obj, types.FunctionType):
        raise TypeError("@%s must decorate a Python function, not %r" % (decorator, obj))
    return obj


# ____________________________________________________________
# translation state

def we_are_translated():
    """False when running on CPython; the translator folds calls to it into the constant True,
    so the code under `if not we_are_translated():` is never translated."""
    return False


def we_are_translated_to_c():
    """False untranslated; True in the translated program (there is only the C++ backend)."""
    return False


# ____________________________________________________________
# specialization

class _Specialize(object):
    """`specialize.KIND(ARGS...)` decorators. Each sets `func._annspecialcase_` to the string
    "specialize:KIND" or "specialize:KIND(A,B,...)"; the annotator then makes one copy of the
    function per distinct key:

      memo()                 arguments all come from finite sets of prebuilt constants; the call
                             is computed at translation time for every combination (a table).
      arg(i, ...)            one copy per constant value of the arguments at positions i, ...
      arg_or_var(i, ...)     like arg(), but a non-constant argument shares one generic copy.
      argtype(i, ...)        one copy per annotated type of the arguments at positions i, ...
      arglistitemtype(i)     one copy per item type of the list passed at position i.
      call_location()        one copy per call site.
      ll()                   one copy per low-level type of all arguments (helpers).
      ll_and_arg(i)          ll() plus the constant value of argument i.

    Untranslated the function is called as is (memo() does not cache)."""

    def _make(self, kind, args, need_args):
        for a in args:
            if not isinstance(a, int) or isinstance(a, bool) or a < 0:
                raise TypeError("specialize.%s(): argument positions must be ints >= 0, not %r"
                                % (kind, a))
        if need_args and not args:
            raise TypeError("specialize.%s() needs at least one argument position" % kind)
        if args:
            tag = "specialize:%s(%s)" % (kind, ",".join([str(a) for a in args]))
        else:
            tag = "specialize:" + kind

        def decorated_func(obj):
            func = _target_function(obj, "specialize." + kind)
            code = func.__code__
            if args and not (code.co_flags & _CO_VARARGS):
                nargs = code.co_argcount
                for a in args:
                    if a >= nargs:
                        raise TypeError("specialize.%s(%d): %s() has only %d positional "
                                        "parameters" % (kind, a, func.__name__, nargs))
            func._annspecialcase_ = tag
            return obj
        return decorated_func

    def memo(self):
        return self._make("memo", (), False)

    def arg(self, *args):
        return self._make("arg", args, True)

    def arg_or_var(self, *args):
        return self._make("arg_or_var", args, True)

    def argtype(self, *args):
        return self._make("argtype", args, True)

    def arglistitemtype(self, *args):
        return self._make("arglistitemtype", args, True)

    def call_location(self):
        return self._make("call_location", (), False)

    def ll(self):
        return self._make("ll", (), False)

    def ll_and_arg(self, *args):
        return self._make("ll_and_arg", args, True)

    def __call__(self, *args, **kwds):
        raise TypeError("use specialize.KIND(...), e.g. @specialize.arg(0)")


specialize = _Specialize()


def parse_specialize_tag(tag):
    """Inverse of the tags set by `specialize`: "specialize:arg(0,1)" -> ("arg", (0, 1))."""
    if not tag.startswith("specialize:"):
        raise ValueError("not a specialization tag: %r" % (tag,))
    body = tag[len("specialize:"):]
    if "(" not in body:
        return body, ()
    kind, rest = body.split("(", 1)
    if not rest.endswith(")"):
        raise ValueError("malformed specialization tag: %r" % (tag,))
    rest = rest[:-1]
    return kind, tuple([int(x) for x in rest.split(",")]) if rest else ()


# ____________________________________________________________
# argument types

class _NotConstant(object):
    def __repr__(self):
        return "NOT_CONSTANT"


NOT_CONSTANT = _NotConstant()   # in enforceargs(): any value, but never a translation constant


def _type_name(t):
    if isinstance(t, list):
        return "[%s]" % _type_name(t[0])
    if isinstance(t, type):
        return t.__name__
    return repr(t)


def _matches(value, expected):
    """Whether `value` fits the enforceargs() type description `expected`."""
    if expected is None or expected is NOT_CONSTANT:
        return True
    if isinstance(expected, list):
        if not isinstance(value, list):
            return False
        for item in value:
            if not _matches(item, expected[0]):
                return False
        return True
    from rpython.rlib.rarithmetic import base_int
    if expected is int:
        return isinstance(value, int) and not isinstance(value, base_int)
    if expected is float:
        return (isinstance(value, (int, float)) and not isinstance(value, base_int))
    if expected is bool:
        return isinstance(value, bool)
    if expected in (str, bytes, tuple, dict):
        return isinstance(value, expected)
    if isinstance(expected, type):
        if issubclass(expected, base_int):
            return isinstance(value, expected)
        # an instance of a user class, or None (instances can be None in RPython)
        return value is None or isinstance(value, expected)
    raise TypeError("enforceargs(): unsupported type description %r" % (expected,))


def _check_type_description(t):
    if t is None or t is NOT_CONSTANT or isinstance(t, type):
        return
    if isinstance(t, list) and len(t) == 1:
        _check_type_description(t[0])
        return
    raise TypeError("enforceargs(): a type must be None, NOT_CONSTANT, a class or [T], not %r"
                    % (t,))


def enforceargs(*types_, **kwds):
    """Force the annotation of the arguments: `@enforceargs(int, str)` or `@enforceargs(x=int)`.
    None means "no constraint"; `[T]` means a list of T; a class means an instance of it (or
    None). Sets `_annenforceargs_` (one entry per positional parameter).

    Untranslated, unless `typecheck=False`, the function is replaced by a generated wrapper (itself
    RPython) that checks the types of the arguments at every call and raises TypeError."""
    typecheck = kwds.pop("typecheck", True)
    if types_ and kwds:
        raise TypeError("enforceargs(): cannot mix positional and keyword arguments")
    for t in list(types_) + list(kwds.values()):
        _check_type_description(t)

    def decorator(func):
        argnames = positional_arg_names(func, "enforceargs")
        if kwds:
            for name in kwds:
                if name not in argnames:
                    raise TypeError("enforceargs(): %s() has no parameter %r"
                                    % (func.__name__, name))
            expected = tuple([kwds.get(name) for name in argnames])
        else:
            expected = tuple(types_)
            if len(expected) != len(argnames):
                raise TypeError("enforceargs(): %s() takes %d arguments but %d types were given"
                                % (func.__name__, len(argnames), len(expected)))
        if not typecheck:
            func._annenforceargs_ = expected
            return func

        def typecheck_args(*args):
            for i in range(len(args)):
                if not _matches(args[i], expected[i]):
                    raise TypeError("%s() argument %r must be %s, not %s"
                                    % (func.__name__, argnames[i], _type_name(expected[i]),
                                       type(args[i]).__name__))

        arglist = ", ".join(argnames)
        source = ("def %(name)s(%(args)s):\n"
                  "    if not we_are_translated():\n"
                  "        typecheck_args(%(args)s)\n"
                  "    return original(%(args)s)\n"
                  % {"name": func.__name__, "args": arglist})
        wrapper = make_function(source, func.__name__,
                                {"we_are_translated": we_are_translated,
                                 "typecheck_args": typecheck_args, "original": func},
                                hint="enforceargs " + func.__qualname__)
        wrapper.__defaults__ = func.__defaults__
        wrapper.__dict__.update(func.__dict__)
        wrapper.__doc__ = func.__doc__
        wrapper.__module__ = func.__module__
        wrapper.__qualname__ = func.__qualname__
        wrapper._annenforceargs_ = expected
        return wrapper
    return decorator


# ____________________________________________________________
# inlining and RPython-ness

def always_inline(func):
    """Backendopt must inline every call to this function (`_always_inline_ = True`)."""
    _target_function(func, "always_inline")._always_inline_ = True
    return func


def try_inline(func):
    """Inline calls to this function where possible (`_always_inline_ = "try"`)."""
    _target_function(func, "try_inline")._always_inline_ = "try"
    return func


def dont_inline(func):
    """Backendopt must never inline this function (`_dont_inline_ = True`)."""
    _target_function(func, "dont_inline")._dont_inline_ = True
    return func


def not_rpython(func):
    """This function runs only at import time or untranslated; reaching it from translated code
    is an annotation error (`_not_rpython_ = True`)."""
    _target_function(func, "not_rpython")._not_rpython_ = True
    return func


def likely(condition):
    """Returns `condition`; tells the backend the condition is usually true."""
    return condition


def unlikely(condition):
    """Returns `condition`; tells the backend the condition is usually false."""
    return condition


def keepalive_until_here(*values):
    """Keeps the values alive (not collected) up to this point; no effect untranslated."""
    return None


# ____________________________________________________________
# objects and lists

def instantiate(cls, nonmovable=False):
    """A new instance of `cls` without calling its __init__."""
    if not isinstance(cls, type):
        raise TypeError("instantiate() expects a class, not %r" % (cls,))
    return cls.__new__(cls)


def newlist_hint(sizehint=0):
    """An empty list; translated, it is preallocated for `sizehint` items."""
    if not isinstance(sizehint, int):
        raise TypeError("newlist_hint() expects an int, not %r" % (sizehint,))
    return []


def resizelist_hint(lst, sizehint):
    """Hints that `lst` will grow to `sizehint` items; no effect untranslated."""
    if not isinstance(lst, list):
        raise TypeError("resizelist_hint() expects a list, not %r" % (lst,))
    return None


# ____________________________________________________________
# hashes and identities

def compute_identity_hash(x):
    """The identity hash of an instance: stable for the object's life, an int."""
    if x is None or isinstance(x, (int, float, str, bytes, tuple)):
        raise TypeError("compute_identity_hash() of %s: only instances have an identity"
                        % type(x).__name__)
    return _wrap_word(object.__hash__(x))


def compute_unique_id(x):
    """An int that identifies `x` among the objects alive at the same time."""
    if x is None or isinstance(x, (int, float, str, bytes)):
        raise TypeError("compute_unique_id() of %s: only instances have an identity"
                        % type(x).__name__)
    return id(x)


def current_object_addr_as_int(x):
    """The current address of `x` as an int (it may change when the GC moves the object)."""
    return _wrap_word(id(x))


def compute_hash(x):
    """The hash RPython uses for `x`: for ints the int itself (as a machine word), for None 0, for
    str/bytes/floats/tuples a hash of the value (untranslated CPython's hash; the translated
    program uses its own, so hashes are never printed), for instances the identity hash."""
    if x is None:
        return 0
    if isinstance(x, int):
        return _wrap_word(int(x))
    if isinstance(x, float):
        if x != x:
            return 0
        return _wrap_word(hash(x))
    if isinstance(x, (str, bytes)):
        return _wrap_word(hash(x))
    if isinstance(x, tuple):
        return _wrap_word(hash(tuple([compute_hash(item) for item in x])))
    return compute_identity_hash(x)


# ____________________________________________________________
# dictionaries with custom equality and hash

class _r_dictkey(object):
    __slots__ = ("dic", "key", "hash")

    def __init__(self, dic, key):
        self.dic = dic
        self.key = key
        h = dic.key_hash(key)
        if not isinstance(h, int):
            raise TypeError("r_dict key_hash must return an int, not %r" % (h,))
        self.hash = _wrap_word(int(h))

    def __eq__(self, other):
        return bool(self.dic.key_eq(self.key, other.key))

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self.hash

    def __repr__(self):
        return repr(self.key)


class r_dict(object):
    """A dict whose keys are compared with `key_eq(a, b)` and hashed with `key_hash(k)` (an int).
    Keeps insertion order. `force_non_null` and `simple_hash_eq` are hints for the translator."""

    def __init__(self, key_eq, key_hash, force_non_null=False, simple_hash_eq=False):
        if not callable(key_eq) or not callable(key_hash):
            raise TypeError("r_dict(key_eq, key_hash) needs two functions")
        self._dict = {}
        self.key_eq = key_eq
        self.key_hash = key_hash
        self.force_non_null = force_non_null
        self.simple_hash_eq = simple_hash_eq

    def __getitem__(self, key):
        return self._dict[_r_dictkey(self, key)]

    def __setitem__(self, key, value):
        self._dict[_r_dictkey(self, key)] = value

    def __delitem__(self, key):
        del self._dict[_r_dictkey(self, key)]

    def __contains__(self, key):
        return _r_dictkey(self, key) in self._dict

    def __len__(self):
        return len(self._dict)

    def __iter__(self):
        for dk in self._dict:
            yield dk.key

    def __bool__(self):
        return bool(self._dict)

    def __repr__(self):
        return "r_dict({%s})" % ", ".join(["%r: %r" % (dk.key, v) for dk, v in self._dict.items()])

    def get(self, key, default=None):
        return self._dict.get(_r_dictkey(self, key), default)

    def setdefault(self, key, default):
        return self._dict.setdefault(_r_dictkey(self, key), default)

    def pop(self, key, *default):
        return self._dict.pop(_r_dictkey(self, key), *default)

    def popitem(self):
        dk, value = self._dict.popitem()
        return dk.key, value

    def clear(self):
        self._dict.clear()

    def keys(self):
        return [dk.key for dk in self._dict]

    def values(self):
        return list(self._dict.values())

    def items(self):
        return [(dk.key, v) for dk, v in self._dict.items()]

    def iterkeys(self):
        return iter(self.keys())

    def itervalues(self):
        return iter(self.values())

    def iteritems(self):
        return iter(self.items())

    def copy(self):
        result = self.__class__(self.key_eq, self.key_hash, self.force_non_null,
                                self.simple_hash_eq)
        result.update(self)
        return result

    def update(self, other):
        if not isinstance(other, r_dict):
            raise TypeError("r_dict.update() expects an r_dict")
        for key, value in other.items():
            self[key] = value


class r_ordereddict(r_dict):
    """An r_dict (all dicts keep insertion order); kept for RPython sources that name it."""


# ____________________________________________________________
# mixins

_NEVER_COPIED = ("__dict__", "__weakref__", "__module__", "__qualname__", "__doc__")


def _copy_function(func, caller_module, owner_qualname):
    if "__class__" in func.__code__.co_freevars:
        raise TypeError("import_from_mixin: %s uses super() or __class__, which would still "
                        "refer to the mixin after copying; call the base class explicitly"
                        % func.__qualname__)
    copy = func_with_new_name(func, func.__name__)
    if caller_module:
        copy.__module__ = caller_module
    if owner_qualname:
        copy.__qualname__ = owner_qualname + "." + func.__name__
    return copy


def import_from_mixin(M, special_methods=("__init__", "__del__")):
    """Copy the methods and class attributes of class M (and of its bases other than object)
    into the class body that calls this. Functions, staticmethods and classmethods are copied as
    new function objects, so each class that imports M gets its own copies (separate graphs).
    Names like __xxx__ are copied only when listed in `special_methods`. `_immutable_fields_`
    lists are concatenated. It is an error to overwrite a name the class body already defines."""
    if not isinstance(M, type):
        raise TypeError("import_from_mixin() expects a class, not %r" % (M,))
    caller = sys._getframe(1)
    target = caller.f_locals
    if caller.f_code.co_flags & _CO_OPTIMIZED or "__qualname__" not in target:
        raise TypeError("import_from_mixin() must be called directly in a class body")
    caller_module = caller.f_globals.get("__name__")
    owner_qualname = target.get("__qualname__")
    flatten = {}
    immutable_fields = []
    for base in M.__mro__:
        if base is object:
            continue
        for key, value in base.__dict__.items():
            if key == "_immutable_fields_":
                immutable_fields.extend(value)
                continue
            if key in _NEVER_COPIED:
                continue
            if key.startswith("__") and key.endswith("__") and key not in special_methods:
                continue
            if key in flatten:
                continue
            if key == "_mixin_":
                raise TypeError("import_from_mixin(%s): the class must not have '_mixin_ = True'"
                                % M.__name__)
            if isinstance(value, types.FunctionType):
                value = _copy_function(value, caller_module, owner_qualname)
            elif isinstance(value, staticmethod):
                value = staticmethod(_copy_function(value.__func__, caller_module,
                                                    owner_qualname))
            elif isinstance(value, classmethod):
                value = classmethod(_copy_function(value.__func__, caller_module,
                                                   owner_qualname))
            flatten[key] = value
    for key in flatten:
        if key in target:
            raise TypeError("import_from_mixin(%s): would overwrite %r, already defined in the "
                            "class body" % (M.__name__, key))
    target.update(flatten)
    if immutable_fields:
        target["_immutable_fields_"] = list(target.get("_immutable_fields_", [])) + immutable_fields
