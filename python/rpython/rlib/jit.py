"""Hints for the meta-tracing JIT.

Untranslated (and translated without --jit) every hint is a no-op that returns its argument:
`we_are_jitted()` is False, `promote(x)` is x, `JitDriver.jit_merge_point(...)` only checks that
it got exactly the driver's green and red variables as keyword arguments.

The decorators leave marker attributes on the functions they decorate; the JIT code writer reads
them (docs/rlib.md lists every marker):

    _elidable_function_    True     elidable, elidable_promote
    _jit_look_inside_      bool     dont_look_inside (False), look_inside (True)
    _jit_unroll_safe_      True     unroll_safe, look_inside_iff
    _jit_loop_invariant_   True     loop_invariant
    _jit_look_inside_iff_  pred     look_inside_iff (on the generated wrapper)
    _jit_oopspec_          str      oopspec
    _jit_not_in_trace_     True     not_in_trace
"""

import types

from rpython.rlib.objectmodel import specialize, we_are_translated  # noqa: F401
from rpython.tool.sourcetools import make_function, positional_arg_names


class JitHintError(Exception):
    """A JIT hint used wrongly (detected untranslated, or by the translator)."""


def _function(obj, decorator):
    if not isinstance(obj, types.FunctionType):
        raise TypeError("@%s must decorate a Python function, not %r" % (decorator, obj))
    if obj.__code__.co_flags & 0x20:   # CO_GENERATOR
        raise TypeError("@%s cannot decorate the generator function %s()"
                        % (decorator, obj.__name__))
    return obj


# ____________________________________________________________
# function decorators

def elidable(func):
    """The function has no side effects visible to the caller and its result depends only on its
    arguments (it may raise): the JIT may remove a call whose arguments are constants and reuse
    the result of an identical earlier call. Sets `_elidable_function_ = True`."""
    _function(func, "elidable")
    if func.__dict__.get("_jit_look_inside_") is False:
        raise TypeError("%s() cannot be both elidable and dont_look_inside" % func.__name__)
    func._elidable_function_ = True
    return func


def dont_look_inside(func):
    """The JIT never traces into this function; it emits a residual call to it.
    Sets `_jit_look_inside_ = False`."""
    _function(func, "dont_look_inside")
    if func.__dict__.get("_elidable_function_"):
        raise TypeError("%s() cannot be both elidable and dont_look_inside" % func.__name__)
    if func.__dict__.get("_jit_unroll_safe_"):
        raise TypeError("%s() cannot be both unroll_safe and dont_look_inside" % func.__name__)
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """The JIT traces into this function even if the policy would not.
    Sets `_jit_look_inside_ = True`."""
    _function(func, "look_inside")
    func._jit_look_inside_ = True
    return func


def unroll_safe(func):
    """The function contains loops, but the JIT may trace (unroll) them: they run a small
    number of iterations. Sets `_jit_unroll_safe_ = True`."""
    _function(func, "unroll_safe")
    if func.__dict__.get("_jit_look_inside_") is False:
        raise TypeError("%s() cannot be both unroll_safe and dont_look_inside" % func.__name__)
    func._jit_unroll_safe_ = True
    return func


def loop_invariant(func):
    """A function without arguments whose result is constant during one run of a compiled loop:
    called once per loop entry. Implies dont_look_inside. Sets `_jit_loop_invariant_ = True`
    and `_jit_look_inside_ = False`."""
    _function(func, "loop_invariant")
    if func.__code__.co_argcount or func.__code__.co_kwonlyargcount:
        raise TypeError("loop_invariant function %s() must not take arguments" % func.__name__)
    dont_look_inside(func)
    func._jit_loop_invariant_ = True
    return func


def oopspec(spec):
    """Tags a helper with an operation the JIT knows (`_jit_oopspec_ = spec`), e.g.
    "list.getitem(l, index)"."""
    if not isinstance(spec, str):
        raise TypeError("oopspec() expects a string, not %r" % (spec,))

    def decorator(func):
        _function(func, "oopspec")
        func._jit_oopspec_ = spec
        return func
    return decorator


def not_in_trace(func):
    """Calls to this function (which must return None) are executed when running normally and
    while tracing, but they do not appear in the trace. Sets `_jit_not_in_trace_ = True`."""
    _function(func, "not_in_trace")
    func._jit_not_in_trace_ = True
    return func


def elidable_promote(promote_args="all"):
    """Decorator: the function becomes elidable, and calling it goes through a generated wrapper
    (`NAME_promote`) that first promotes the arguments: all of them, or those whose positions are
    listed in `promote_args` ("0,2")."""
    def decorator(func):
        elidable(func)
        argnames = positional_arg_names(func, "elidable_promote")
        if promote_args == "all":
            promoted = list(argnames)
        else:
            promoted = []
            for part in promote_args.split(","):
                index = int(part)
                if not 0 <= index < len(argnames):
                    raise TypeError("elidable_promote(%r): %s() has no argument %d"
                                    % (promote_args, func.__name__, index))
                promoted.append(argnames[index])
        arglist = ", ".join(argnames)
        name = func.__name__ + "_promote"
        lines = ["def %s(%s):\n" % (name, arglist)]
        for a in promoted:
            lines.append("    %s = promote(%s)\n" % (a, a))
        lines.append("    return original(%s)\n" % arglist)
        wrapper = make_function("".join(lines), name, {"promote": promote, "original": func},
                                hint="elidable_promote " + func.__qualname__)
        wrapper.__defaults__ = func.__defaults__
        wrapper.__module__ = func.__module__
        wrapper.__doc__ = func.__doc__
        return wrapper
    return decorator


def look_inside_iff(predicate):
    """Decorator: the JIT traces into the function only when `predicate`, called with the same
    arguments, returns True (typically: "the argument is a constant, or small"); otherwise it
    makes a residual call. Implemented, as in RPython, by generated functions: the returned
    wrapper `NAME_look_inside_iff` (marked `_always_inline_ = True` and, for tools,
    `_jit_look_inside_iff_ = predicate`) calls the function directly when
    `not we_are_jitted() or predicate(args)`, else a `NAME_trampoline` marked dont_look_inside.
    The function itself becomes unroll_safe; the function, the predicate and the trampoline are
    specialized per call location."""
    if not isinstance(predicate, types.FunctionType):
        raise TypeError("look_inside_iff() expects a predicate function, not %r" % (predicate,))

    def decorator(func):
        unroll_safe(func)
        argnames = positional_arg_names(func, "look_inside_iff")
        predargs = positional_arg_names(predicate, "look_inside_iff predicate")
        if len(argnames) != len(predargs):
            raise TypeError("look_inside_iff: %s() takes %d arguments but its predicate %s() "
                            "takes %d" % (func.__name__, len(argnames), predicate.__name__,
                                          len(predargs)))
        func._annspecialcase_ = "specialize:call_location"
        predicate._annspecialcase_ = "specialize:call_location"
        arglist = ", ".join(argnames)
        ns = {"func": func, "predicate": predicate, "we_are_jitted": we_are_jitted}
        tramp_name = func.__name__ + "_trampoline"
        trampoline = make_function(
            "def %s(%s):\n    return func(%s)\n" % (tramp_name, arglist, arglist),
            tramp_name, ns, hint="look_inside_iff " + func.__qualname__)
        dont_look_inside(trampoline)
        trampoline._annspecialcase_ = "specialize:call_location"
        if "_jit_oopspec_" in func.__dict__:
            trampoline._jit_oopspec_ = func.__dict__.pop("_jit_oopspec_")
        ns["trampoline"] = trampoline
        name = func.__name__ + "_look_inside_iff"
        source = ("def %(name)s(%(args)s):\n"
                  "    if not we_are_jitted() or predicate(%(args)s):\n"
                  "        return func(%(args)s)\n"
                  "    else:\n"
                  "        return trampoline(%(args)s)\n" % {"name": name, "args": arglist})
        wrapper = make_function(source, name, ns, hint="look_inside_iff " + func.__qualname__)
        wrapper.__defaults__ = func.__defaults__
        wrapper.__module__ = func.__module__
        wrapper.__doc__ = func.__doc__
        wrapper._always_inline_ = True
        wrapper._jit_look_inside_iff_ = predicate
        return wrapper
    return decorator


# ____________________________________________________________
# value hints

_KNOWN_HINTS = ("promote", "promote_string", "promote_unicode", "access_directly",
                "fresh_virtualizable", "force_virtualizable", "force_no_const")


def hint(x, **kwds):
    """Returns x. Keywords (each `=True`) tell the JIT something about x:
      promote               x becomes a constant in the trace (guard on its current value)
      promote_string        the same for a string, compared by value
      access_directly       x is the virtualizable frame being run: access fields directly
      fresh_virtualizable   x was just allocated (with access_directly)
      force_virtualizable   write the virtualizable's fields back to the heap now"""
    for key in kwds:
        if key not in _KNOWN_HINTS:
            raise JitHintError("hint(): unknown hint %r (known: %s)"
                               % (key, ", ".join(_KNOWN_HINTS)))
    if kwds.get("fresh_virtualizable") and not kwds.get("access_directly"):
        raise JitHintError("hint(fresh_virtualizable=True) needs access_directly=True too")
    return x


def promote(x):
    """Returns x; in a trace, x becomes a constant (guarded by its current value)."""
    return hint(x, promote=True)


def promote_string(x):
    """Returns x; in a trace, the string x becomes a constant, guarded by value equality."""
    return hint(x, promote_string=True)


def promote_unicode(x):
    """Same as promote_string (str is text in RPython 3)."""
    return hint(x, promote_unicode=True)


def we_are_jitted():
    """True only in code generated by the JIT; False untranslated and in the interpreter."""
    return False


def isconstant(value):
    """True when the JIT knows `value` is a constant in the current trace; False otherwise,
    and always False untranslated."""
    return False


def isvirtual(value):
    """True when `value` is a virtual (not allocated) object in the current trace; False
    otherwise, and always False untranslated."""
    return False


def assert_green(value):
    """While tracing, fails (aborts the trace with an error) unless `value` is a constant."""
    return None


class AssertGreenFailed(Exception):
    pass


def current_trace_length():
    """The number of operations in the trace being recorded, or -1 (always -1 untranslated)."""
    return -1


def jit_debug(string, arg1=-1, arg2=-1, arg3=-1, arg4=-1):
    """Records a debug operation in the trace; no effect untranslated."""
    if not isinstance(string, str):
        raise TypeError("jit_debug() expects a string")
    return None


def record_exact_class(value, cls):
    """Tells the JIT that `value` is exactly of class `cls` (checked untranslated)."""
    if type(value) is not cls:
        raise AssertionError("record_exact_class: %r is not exactly of class %s"
                             % (value, cls.__name__))


def record_exact_value(value, const_value):
    """Tells the JIT that `value` equals `const_value` (checked untranslated)."""
    if value != const_value:
        raise AssertionError("record_exact_value: %r != %r" % (value, const_value))


def record_known_result(result, func, *args):
    """Tells the JIT that the elidable `func(*args)` returns `result` (no call untranslated)."""
    if not func.__dict__.get("_elidable_function_"):
        raise JitHintError("record_known_result: %s() is not elidable" % func.__name__)
    return None


def conditional_call(condition, function, *args):
    """`if condition: function(*args)`, as one operation in the trace."""
    if condition:
        function(*args)


def conditional_call_elidable(value, function, *args):
    """`value if value else function(*args)` (a cache lookup: `value` is 0 or None when
    missing); `function` must be elidable."""
    if not value:
        value = function(*args)
    return value


def enter_portal_frame(unique_id):
    """Marks the start of an interpreted frame for profilers; no effect untranslated."""
    return None


def leave_portal_frame():
    return None


# ____________________________________________________________
# virtual references

class InvalidVirtualRef(Exception):
    """Raised when a virtual_ref is used after virtual_ref_finish() while it was forced."""


class DirectVRef(object):
    """What virtual_ref() returns untranslated: calling it gives the object back."""

    def __init__(self, x):
        self._x = x
        self._state = "non-forced"

    def __call__(self):
        if self._state == "non-forced":
            self._state = "forced"
        elif self._state == "invalid":
            raise InvalidVirtualRef
        return self._x

    @property
    def virtual(self):
        return False


def virtual_ref(x):
    """A reference to `x` (typically a frame) that the JIT may keep virtual."""
    return DirectVRef(x)


def virtual_ref_finish(vref, x):
    """Ends the life of a virtual reference made by virtual_ref(x)."""
    if vref._x is not x:
        raise AssertionError("virtual_ref_finish: wrong object")
    if vref._state == "non-forced":
        vref._state = "invalid"


def non_virtual_ref(x):
    """A vref that is never virtual."""
    return DirectVRef(x)


vref_None = non_virtual_ref(None)


# ____________________________________________________________
# JIT drivers

ENABLE_ALL_OPTS = "intbounds:rewrite:virtualize:string:pure:earlyforce:heap:unroll"

PARAMETER_DOCS = {
    "threshold": "number of times a loop has to run for it to become hot",
    "function_threshold": "number of times a function must run for it to be traced from its start",
    "trace_eagerness": "number of times a guard has to fail before a bridge is compiled",
    "decay": "amount to regularly decay counters by (0=none, 1000=max)",
    "trace_limit": "number of recorded operations before tracing is aborted as too long",
    "inlining": "inline calls to interpreted functions (1) or not (0)",
    "loop_longevity": "how long unused loops are kept before being freed, an estimate",
    "retrace_limit": "how many times a loop may be retraced before giving up",
    "max_retrace_guards": "number of extra guards a retrace can cause",
    "max_unroll_loops": "number of extra unrollings a loop can cause",
    "max_unroll_recursion": "how many levels deep a recursive function is unrolled",
    "disable_unrolling": "after how many operations loop peeling is no longer done",
    "enable_opts": "optimizations to enable, or 'all' = %s" % ENABLE_ALL_OPTS,
}

PARAMETERS = {
    "threshold": 1039,
    "function_threshold": 1619,
    "trace_eagerness": 200,
    "decay": 40,
    "trace_limit": 6000,
    "inlining": 1,
    "loop_longevity": 1000,
    "retrace_limit": 0,
    "max_retrace_guards": 15,
    "max_unroll_loops": 0,
    "max_unroll_recursion": 7,
    "disable_unrolling": 200,
    "enable_opts": "all",
}


def _check_names(kind, names):
    if not isinstance(names, (list, tuple)):
        raise TypeError("JitDriver: %s must be a list of variable names, not %r" % (kind, names))
    for name in names:
        if not isinstance(name, str) or not all(part.isidentifier() for part in name.split(".")):
            raise TypeError("JitDriver: %s: %r is not a variable name" % (kind, name))
    return list(names)


class JitDriver(object):
    """One per interpreter loop. `greens` are the variables that identify a position in the
    user's program (e.g. the pc and the code object); `reds` are all the other live variables
    of the loop, or "auto". A green may also name a field of a red, as "frame.pc".

    Call `driver.jit_merge_point(**all greens and reds)` at the top of the dispatch loop, and
    `driver.can_enter_jit(...)` (same arguments) where the user's program jumps backwards.
    Untranslated both check their keyword arguments and do nothing else."""

    active = True

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name="jitdriver", check_untranslated=True, vectorize=False,
                 get_unique_id=None, is_recursive=False, get_location=None):
        if greens is None:
            raise TypeError("JitDriver needs greens=[...] (may be empty)")
        self.greens = _check_names("greens", greens)
        if reds == "auto":
            self.autoreds = True
            self.reds = []
            self.numreds = None
            if virtualizables:
                raise TypeError("JitDriver: reds='auto' cannot have virtualizables")
            if confirm_enter_jit is not None:
                raise TypeError("JitDriver: reds='auto' cannot have confirm_enter_jit")
        else:
            if reds is None:
                raise TypeError("JitDriver needs reds=[...] or reds='auto'")
            self.autoreds = False
            self.reds = _check_names("reds", reds)
            self.numreds = len(self.reds)
            for r in self.reds:
                if "." in r:
                    raise TypeError("JitDriver: red %r: only greens can name fields" % r)
        seen = set()
        for n in self.greens + self.reds:
            if n in seen:
                raise TypeError("JitDriver: %r is listed twice" % n)
            seen.add(n)
        self.virtualizables = _check_names("virtualizables", virtualizables or [])
        for v in self.virtualizables:
            if v not in self.reds:
                raise TypeError("JitDriver: virtualizable %r must be one of the reds" % v)
        if len(self.virtualizables) > 1:
            raise TypeError("JitDriver: at most one virtualizable")
        for green in self.greens:
            if "." in green:
                obj = green.split(".")[0]
                if obj not in self.reds and not self.autoreds:
                    raise TypeError("JitDriver: green field %r: %r must be a red" % (green, obj))
        for fname, f in (("get_printable_location", get_printable_location),
                         ("confirm_enter_jit", confirm_enter_jit),
                         ("can_never_inline", can_never_inline),
                         ("should_unroll_one_iteration", should_unroll_one_iteration),
                         ("get_unique_id", get_unique_id), ("get_location", get_location)):
            if f is not None and not callable(f):
                raise TypeError("JitDriver: %s must be a function" % fname)
            if isinstance(f, types.FunctionType) and not f.__code__.co_flags & 0x04:
                nargs = len(self.greens)
                if fname == "confirm_enter_jit":
                    nargs += len(self.reds)
                code = f.__code__
                ndefaults = len(f.__defaults__ or ())
                if not code.co_argcount - ndefaults <= nargs <= code.co_argcount:
                    raise TypeError("JitDriver: %s %s() must take %d arguments (the %s), not %d"
                                    % (fname, f.__name__, nargs,
                                       "greens and reds" if fname == "confirm_enter_jit"
                                       else "greens", code.co_argcount))
        self.get_printable_location = get_printable_location
        self.get_location = get_location
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.get_unique_id = get_unique_id
        self.is_recursive = bool(is_recursive)
        self.vectorize = bool(vectorize)
        self.name = name
        self.check_untranslated = check_untranslated

    def __repr__(self):
        return "<JitDriver %s greens=%r reds=%r>" % (
            self.name, self.greens, "auto" if self.autoreds else self.reds)

    def _expected_names(self):
        names = []
        for g in self.greens:
            n = g.split(".")[0]
            if n not in names:
                names.append(n)
        for r in self.reds:
            if r not in names:
                names.append(r)
        return names

    def _check_arguments(self, what, livevars):
        expected = self._expected_names()
        if set(livevars) != set(expected):
            missing = [n for n in expected if n not in livevars]
            extra = sorted([n for n in livevars if n not in expected])
            parts = []
            if missing:
                parts.append("missing %s" % ", ".join(missing))
            if extra:
                parts.append("unexpected %s" % ", ".join(extra))
            raise JitHintError("%s.%s() expects exactly the keyword arguments %s (%s)"
                               % (self.name, what, ", ".join(expected), "; ".join(parts)))

    def jit_merge_point(_self, **livevars):
        """The top of the interpreter's dispatch loop (exactly once per driver)."""
        if _self.check_untranslated:
            _self._check_arguments("jit_merge_point", livevars)

    def can_enter_jit(_self, **livevars):
        """Where the user's program loops (a backward jump): a loop may start here."""
        if _self.autoreds:
            raise JitHintError("%s: can_enter_jit() is not allowed with reds='auto'"
                               % _self.name)
        if _self.check_untranslated:
            _self._check_arguments("can_enter_jit", livevars)

    def loop_header(self):
        """Marks a loop header with reds='auto'; no effect untranslated."""
        if not self.autoreds:
            raise JitHintError("%s: loop_header() needs reds='auto'" % self.name)

    def inline(self, call_jit_merge_point):
        """Decorator used with reds='auto': marks a function whose calls contain the merge point.
        Sets `_inline_jit_merge_point_ = call_jit_merge_point` on it."""
        def decorator(func):
            _function(func, "JitDriver.inline")
            func._inline_jit_merge_point_ = call_jit_merge_point
            return func
        return decorator


def _check_param(name, value):
    if name not in PARAMETERS:
        raise ValueError("set_param: unknown JIT parameter %r (known: %s)"
                         % (name, ", ".join(sorted(PARAMETERS))))
    if name == "enable_opts":
        if not isinstance(value, str):
            raise TypeError("set_param: 'enable_opts' takes a string")
        if value != "all":
            known = ENABLE_ALL_OPTS.split(":")
            for opt in value.split(":"):
                if opt and opt not in known:
                    raise ValueError("set_param: unknown optimization %r" % opt)
    elif not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("set_param: %r takes an int, not %r" % (name, value))


def set_param(driver, name, value):
    """Sets a JIT parameter of `driver` (or of every driver when `driver` is None)."""
    if driver is not None and not isinstance(driver, JitDriver):
        raise TypeError("set_param: expected a JitDriver or None, not %r" % (driver,))
    _check_param(name, value)


def set_param_to_default(driver, name):
    """Resets a JIT parameter of `driver` to its default."""
    set_param(driver, name, PARAMETERS[name] if name in PARAMETERS else None)


def set_user_param(driver, text):
    """Sets parameters from a user's string: "off", "default", or "name=value,name=value".
    Raises ValueError on a malformed string or an unknown parameter."""
    if text == "off":
        set_param(driver, "threshold", -1)
        set_param(driver, "function_threshold", -1)
        return
    if text == "default":
        for name in PARAMETERS:
            set_param_to_default(driver, name)
        return
    for item in text.split(","):
        if "=" not in item:
            raise ValueError("JIT parameter %r: expected name=value" % item)
        name, value = item.split("=", 1)
        if name not in PARAMETERS:
            raise ValueError("unknown JIT parameter %r" % name)
        if name == "enable_opts":
            set_param(driver, name, value)
        else:
            try:
                number = int(value)
            except ValueError:
                raise ValueError("JIT parameter %s: %r is not an integer" % (name, value))
            set_param(driver, name, number)


# ____________________________________________________________
# policy

class JitPolicy(object):
    """Which functions the JIT may trace into. A target can return an instance (or a subclass's)
    from `jitpolicy(driver)`. Functions marked dont_look_inside are never traced into; others are
    asked to `look_inside_function(func)`, which subclasses override (e.g. to exclude a module)."""

    def __init__(self, jithookiface=None):
        self.jithookiface = jithookiface

    def look_inside_function(self, func):
        """Override: return False to never trace into `func`."""
        return True

    def look_inside(self, func):
        """The decision for `func`: its marker when it has one, else look_inside_function()."""
        marker = getattr(func, "_jit_look_inside_", None)
        if marker is not None:
            return bool(marker)
        return bool(self.look_inside_function(func))
