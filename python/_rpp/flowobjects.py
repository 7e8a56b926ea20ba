"""The Python side of the frontend's object table (translator/frontend/object_table.h).

Every object the flow builder refers to gets an id, in the order it is first met (so the ids and
everything printed from them are the same on every run). The table answers the builder's
questions about objects with plain values: kinds, printable descriptions, globals, folding of
pure operations with Python's meaning, function and class information, nested functions.
"""

import builtins
import operator
import os
import sys
import types

from _rpp import astlite as ast
from _rpp import flowast

# Flow operations folded on constant arguments (translator/flow/operations.def, kPure).
_FOLDERS = {
    "is_": operator.is_,
    "type": type,
    "issubtype": issubclass,
    "isinstance": isinstance,
    "repr": repr,
    "str": str,
    "format": format,
    "bool": bool,
    "len": len,
    "ord": ord,
    "hex": hex,
    "oct": oct,
    "getitem": operator.getitem,
    "getslice": lambda obj, start, stop: obj[start:stop],
    "contains": operator.contains,
    "pos": operator.pos,
    "neg": operator.neg,
    "abs": abs,
    "invert": operator.invert,
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
    "floordiv": operator.floordiv,
    "mod": operator.mod,
    "divmod": divmod,
    "pow": pow,
    "lshift": operator.lshift,
    "rshift": operator.rshift,
    "and_": operator.and_,
    "or_": operator.or_,
    "xor": operator.xor,
    "lt": operator.lt,
    "le": operator.le,
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "newtuple": lambda *items: tuple(items),
}
for _name in ("neg", "abs", "add", "sub", "mul", "floordiv", "mod", "lshift"):
    _FOLDERS[_name + "_ovf"] = _FOLDERS[_name]  # folded only when the result fits a machine word
# Augmented assignments fold like their binary operation (the arguments are immutable).
for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_",
              "or_", "xor"):
    _FOLDERS["inplace_" + _name] = _FOLDERS[_name]

_INT_MIN = -(1 << 63)
_INT_MAX = (1 << 63) - 1

_FLAG_ATTRIBUTES = [
    # (attribute, value meaning "set", flag name in flow::GraphFlags)
    ("_elidable_function_", True, "elidable"),
    ("_jit_look_inside_", False, "dont_look_inside"),
    ("_jit_unroll_safe_", True, "unroll_safe"),
    ("_jit_loop_invariant_", True, "loop_invariant"),
    ("_always_inline_", True, "always_inline"),
    ("_dont_inline_", True, "dont_inline"),
    ("_jit_look_inside_iff_", None, "look_inside_iff"),
]


# The rlib objects the translator implements itself (docs/rlib.md, "Objects the translator
# recognizes"): they are never flowed; special_name() names them for the builder and annotator.
_RECOGNIZED = {
    "rpython.rlib.objectmodel": """we_are_translated instantiate compute_hash compute_identity_hash
        compute_unique_id current_object_addr_as_int newlist_hint resizelist_hint
        keepalive_until_here likely unlikely import_from_mixin r_dict r_ordereddict""",
    "rpython.rlib.jit": """JitDriver DirectVRef we_are_jitted isconstant isvirtual hint promote
        promote_string promote_unicode record_exact_class record_exact_value record_known_result
        conditional_call conditional_call_elidable assert_green current_trace_length jit_debug
        enter_portal_frame leave_portal_frame virtual_ref virtual_ref_finish set_param
        set_user_param""",
    "rpython.rlib.unroll": "unrolling_iterable",
    "rpython.rlib.rarithmetic": """intmask ovfcheck ovfcheck_float_to_int widen longlongmask
        r_uint r_int r_longlong r_ulonglong r_int32 r_uint32 r_int64 r_uint64 r_int16 r_uint16
        r_int8 r_uint8 r_singlefloat r_longfloat base_int""",
    "rpython.rlib.rstring": "StringBuilder UnicodeBuilder BytesBuilder",
    "rpython.rlib.debug": """debug_print debug_start debug_stop have_debug_prints debug_offset
        debug_flush ll_assert fatalerror fatalerror_notb make_sure_not_resized mark_dict_non_null
        check_nonneg check_regular_int check_list_of_chars check_annotation attach_gdb""",
    "rpython.rlib.rfloat": "formatd double_to_string string_to_float rstring_to_float round_double",
}
_RECOGNIZED = {"%s.%s" % (m, n) for m, names in _RECOGNIZED.items() for n in names.split()}


def _is_frozen(obj):
    freeze = getattr(type(obj), "_freeze_", None)
    if freeze is None:
        return False
    try:
        return freeze(obj) is True
    except Exception:
        return False


def foldable(obj):
    """Immutable enough to compute with at flow time (RPython's Constant.foldable)."""
    if obj is None or type(obj) in (bool, int, float, str, bytes, complex):
        return True
    if type(obj) in (tuple, frozenset):
        return all(foldable(x) for x in obj)
    if isinstance(obj, (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)):
        return True
    return _is_frozen(obj)


def _value_key(obj):
    """A key equal exactly for the same immutable value (1 and True differ, 0.0 and -0.0 too)."""
    t = type(obj)
    if t is tuple:
        return (t, tuple(_value_key(x) for x in obj))
    if t is frozenset:
        return (t, frozenset(_value_key(x) for x in obj))
    if t is float:
        return (t, obj.hex())
    if obj is None or t in (bool, int, str, bytes):
        return (t, obj)
    return (t, id(obj))


def _attribute_foldable(obj):
    """getattr(obj, name) folds for modules, classes and frozen objects (not str, int...)."""
    if isinstance(obj, (type, types.ModuleType)):
        return True
    if obj is sys.stdout or obj is sys.stderr:   # sys.stdout.write -> the builtin "sys.stdout.write"
        return True
    if obj is os.environ:   # os.environ.get -> the builtin "os.environ.get"
        return True
    return _is_frozen(obj)


def _fits_flow(result):
    """A folded result the graph can hold (int results must be machine words)."""
    if type(result) is int:
        return _INT_MIN <= result <= _INT_MAX
    return foldable(result)


def _kind(obj):
    if isinstance(obj, types.FunctionType):
        return "function"
    if isinstance(obj, type):
        return "class"
    if isinstance(obj, types.ModuleType):
        return "module"
    if isinstance(obj, types.MethodType):
        if obj.__self__ is os.environ:   # os.environ.get: a builtin of the annotator
            return "builtin"
        return "method"
    if isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType, types.MethodWrapperType,
                        types.WrapperDescriptorType, types.MethodDescriptorType)):
        return "builtin"
    if type(obj) is tuple:
        return "tuple"
    if _is_frozen(obj):
        return "frozen"
    return "instance"


def _qualified(obj):
    module = getattr(obj, "__module__", None) or ""
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", "?")
    return module, name


class ObjectTable:
    def __init__(self, entry_point):
        self.objects = [None]    # id 0 is no object
        self.ids = {}            # id(obj) -> table id (objects are kept alive by self.objects)
        self.entry = entry_point
        self.made_functions = {}
        self.canonical = {}
        self.ref(entry_point)

    # ---- ids

    def ref(self, obj):
        # Equal immutable values computed at flow time (folded tuples) are one object, so that
        # folding the same thing twice gives the same id.
        if type(obj) in (tuple, frozenset) and foldable(obj):
            obj = self.canonical.setdefault(_value_key(obj), obj)
        # A class's builtin method (`bytes.fromhex`) is a new bound object at each getattr: one id.
        elif isinstance(obj, types.BuiltinMethodType) and isinstance(getattr(obj, "__self__", None), type):
            obj = self.canonical.setdefault(("<class method>", id(obj.__self__), obj.__name__), obj)
        key = id(obj)
        index = self.ids.get(key)
        if index is None:
            index = len(self.objects)
            self.objects.append(obj)
            self.ids[key] = index
        return index

    def get(self, index):
        return self.objects[index]

    def entry_point(self):
        return self.ref(self.entry)

    def builtin(self, name):
        return self.ref(getattr(builtins, name))

    # ---- kinds and names

    def kind(self, index):
        return _kind(self.objects[index])

    def describe(self, index):
        return self._describe(self.objects[index], 0)

    def _describe(self, obj, depth):
        if obj is None or type(obj) in (bool, int, float, str, bytes):
            return repr(obj)
        if type(obj) is tuple and depth < 3:
            items = [self._describe(x, depth + 1) for x in obj]
            text = "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
            if len(text) <= 120:
                return text
        kind = _kind(obj)
        module, name = _qualified(obj)
        if kind == "function":
            return "<function %s>" % name
        if kind == "class":
            return "<class %s>" % name
        if kind == "module":
            return "<module %s>" % obj.__name__
        if kind == "builtin":
            owner = getattr(obj, "__self__", None)
            if isinstance(owner, types.ModuleType) and owner.__name__ != "builtins":
                return "<builtin %s.%s>" % (owner.__name__, obj.__name__)
            return "<builtin %s>" % name
        if kind == "method":
            return "<method %s of %s>" % (_qualified(obj.__func__)[1],
                                          self._describe(obj.__self__, depth + 1))
        return "<%s object #%d>" % (type(obj).__qualname__, self.ref(obj))

    def special_name(self, index):
        obj = self.objects[index]
        if isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType)):
            owner = getattr(obj, "__self__", None)
            if isinstance(owner, types.ModuleType):
                return "%s.%s" % (owner.__name__, obj.__name__)
        if isinstance(obj, (type, types.BuiltinFunctionType)):
            if getattr(builtins, getattr(obj, "__name__", ""), None) is obj:
                return "builtins." + obj.__name__
        module, name = _qualified(obj)
        if isinstance(obj, (types.FunctionType, type)) and "%s.%s" % (module, name) in _RECOGNIZED:
            return "%s.%s" % (module, name)
        return ""

    # ---- functions

    def function_info(self, index):
        func = self.objects[index]
        code = func.__code__
        node, error = flowast.function_ast(func)
        closure = []
        for cell in func.__closure__ or ():
            try:
                closure.append((True, cell.cell_contents))
            except ValueError:
                closure.append((False, None))
        nargs = code.co_argcount
        names = code.co_varnames
        argnames = list(names[:nargs])
        kwonly = list(names[nargs:nargs + code.co_kwonlyargcount])
        pos = nargs + code.co_kwonlyargcount
        vararg = kwarg = ""
        if code.co_flags & 0x04:
            vararg = names[pos]
            pos += 1
        if code.co_flags & 0x08:
            kwarg = names[pos]
        flags = {}
        for attr, value, flag in _FLAG_ATTRIBUTES:
            if hasattr(func, attr):
                got = getattr(func, attr)
                flags[flag] = (got is value) if value is not None else bool(got)
        oopspec = getattr(func, "_jit_oopspec_", "")
        hidden, globals_, nonlocals, first_yield = ([], {}, {}, (0, 0))
        if node is not None:
            hidden, globals_, nonlocals, first_yield = flowast.scope_facts(node)
        return {
            "hidden_locals": hidden,
            "global_names": globals_,
            "nonlocal_names": nonlocals,
            "first_yield": first_yield,
            "qualname": code.co_qualname,
            "module": getattr(func, "__module__", "") or "",
            "filename": code.co_filename,
            "first_line": code.co_firstlineno,
            "ast": node,
            "source_error": error or "",
            "varnames": list(code.co_varnames),
            "cellvars": list(code.co_cellvars),
            "freevars": list(code.co_freevars),
            "closure": closure,
            "argnames": argnames,
            "kwonlyargnames": kwonly,
            "vararg": vararg,
            "kwarg": kwarg,
            "defaults": list(func.__defaults__ or ()),
            "kwdefaults": dict(func.__kwdefaults__ or {}),
            "is_generator": bool(code.co_flags & 0x20),
            "is_coroutine": bool(code.co_flags & (0x80 | 0x200)),
            "flags": flags,
            "oopspec": oopspec if isinstance(oopspec, str) else "",
            "specialize": getattr(func, "_annspecialcase_", "") or "",
            "not_rpython": bool(getattr(func, "_not_rpython_", False)),
        }

    def lookup_global(self, func_index, name):
        func = self.objects[func_index]
        globals_ = func.__globals__
        if name in globals_:
            return True, globals_[name]
        b = globals_.get("__builtins__", builtins)
        if isinstance(b, types.ModuleType):
            b = b.__dict__
        if name in b:
            return True, b[name]
        return False, None

    def bound_method(self, index):
        method = self.objects[index]
        return method.__self__, method.__func__

    def _nested_code(self, outer, name, line, index):
        matches = [c for c in outer.__code__.co_consts
                   if isinstance(c, types.CodeType) and c.co_name == name and c.co_firstlineno == line]
        if index >= len(matches):
            raise LookupError("no code object for %s at line %d" % (name, line))
        return matches[index]

    def nested_freevars(self, outer_index, name, line, index):
        return list(self._nested_code(self.objects[outer_index], name, line, index).co_freevars)

    def make_function(self, outer_index, name, line, index, defaults, kwdefaults, closure):
        outer = self.objects[outer_index]
        code = self._nested_code(outer, name, line, index)
        key = (id(code), tuple(id(d) for d in defaults),
               tuple(sorted((k, id(v)) for k, v in kwdefaults.items())),
               tuple(id(c) for c in closure))
        made = self.made_functions.get(key)
        if made is None:
            cells = tuple(types.CellType(v) for v in closure) if code.co_freevars else None
            func = types.FunctionType(code, outer.__globals__, name, tuple(defaults) or None, cells)
            func.__kwdefaults__ = dict(kwdefaults) or None
            func.__qualname__ = code.co_qualname
            func.__module__ = outer.__module__
            made = (func, defaults, kwdefaults, closure)  # keep the key's objects alive
            self.made_functions[key] = made
        return self.ref(made[0])

    def import_module(self, func_index, name, level):
        func = self.objects[func_index]
        try:
            module = builtins.__import__(name, func.__globals__, None, ["*"] if level else None, level)
            if not level and "." in name:
                builtins.__import__(name)
                module = sys.modules[name]
            return True, module
        except ImportError as e:
            return False, str(e)

    # ---- classes

    def class_info(self, index):
        cls = self.objects[index]
        problem, filename, line, col = self._class_body_problem(cls)
        return {
            "qualname": cls.__qualname__,
            "module": cls.__module__,
            "mro": [self.ref(c) for c in cls.__mro__],
            "is_builtin": cls.__module__ == "builtins",
            "body_problem": problem,
            "body_file": filename,
            "body_line": line,
            "body_col": col,
        }

    def _class_body_problem(self, cls):
        if cls.__module__ == "builtins" or cls.__module__.startswith(("rpython.", "_rpp.")):
            return "", "", 0, 0
        module = sys.modules.get(cls.__module__)
        filename = getattr(module, "__file__", None)
        if not filename:
            return "", "", 0, 0
        node = _find_class_node(filename, cls.__qualname__)
        if node is None:
            return "", "", 0, 0
        for stmt in node.body:
            what = _class_statement_problem(stmt)
            if what:
                return what, filename, stmt.lineno, stmt.col_offset + 1
        return "", "", 0, 0

    def super_lookup(self, cls_index, name):
        cls = self.objects[cls_index]
        for klass in cls.__mro__[1:]:
            if name in klass.__dict__:
                attr = klass.__dict__[name]
                if isinstance(attr, staticmethod):
                    return "static", attr.__func__
                if isinstance(attr, classmethod):
                    return "class", attr.__func__
                if isinstance(attr, types.FunctionType):
                    return "function", attr
                return "value", attr
        return "missing", None

    # ---- folding

    def fold(self, opname, args):
        """('folded', value) | ('no', None) | ('error', message)."""
        if opname == "getattr":
            obj, name = args
            if not isinstance(name, str) or not _attribute_foldable(obj):
                return "no", None
            if obj is sys and name == "argv":
                return "error", ("sys.argv is not RPython (at run time it would be the translator's): "
                                 "use entry_point's argv, the same list of str")
            if obj is os.environ and name != "get":
                return "error", "os.environ.%s is not RPython: use os.environ.get(name) or os.getenv(name)" % name
            try:
                return "folded", getattr(obj, name)
            except AttributeError:
                what = ("module '%s'" % obj.__name__ if isinstance(obj, types.ModuleType)
                        else "class '%s'" % obj.__qualname__ if isinstance(obj, type)
                        else "'%s' object" % type(obj).__qualname__)
                return "error", "%s has no attribute '%s'" % (what, name)
        folder = _FOLDERS.get(opname)
        if folder is None:
            return "no", None
        if opname in ("isinstance", "type"):
            # The class of a prebuilt object never changes, even when the object is mutable.
            if not all(foldable(a) for a in args[1:]):
                return "no", None
        elif not all(foldable(a) for a in args):
            return "no", None
        try:
            result = folder(*args)
        except Exception:
            return "no", None   # raises when run: leave the operation in the graph
        if not _fits_flow(result):
            return "no", None
        return "folded", result

    def unroll_items(self, value):
        cls = type(value)
        if cls.__module__ == "rpython.rlib.unroll" and cls.__name__ == "unrolling_iterable":
            return list(value.get_items())
        return None


def _find_class_node(filename, qualname):
    tree = flowast._parse_file(filename)
    if tree is None:
        return None
    parts = qualname.split(".")

    def search(body, parts):
        for stmt in body:
            if isinstance(stmt, ast.ClassDef) and stmt.name == parts[0] and len(parts) == 1:
                return stmt
            if isinstance(stmt, (ast.ClassDef, ast.FunctionDef)) and stmt.name == parts[0]:
                rest = parts[1:]
                if rest and rest[0] == "<locals>":
                    rest = rest[1:]
                found = search(stmt.body, rest) if rest else None
                if found:
                    return found
            if isinstance(stmt, (ast.If, ast.Try)):
                found = search(stmt.body + getattr(stmt, "orelse", []), parts)
                if found:
                    return found
        return None

    return search(tree.body, parts)


def _class_statement_problem(stmt):
    """'' when a class-body statement is a def or a constant assignment; else what it is."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Pass)):
        return ""
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
        return ""  # docstring
    if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        func = stmt.value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "import_from_mixin":
            return ""  # rpython.rlib.objectmodel.import_from_mixin(M) (SEMANTICS.md: mixins)
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if all(isinstance(t, (ast.Name, ast.Tuple)) for t in targets):
            return ""
        return "an assignment to something other than a name"
    names = {
        ast.For: "a 'for' loop", ast.While: "a 'while' loop", ast.If: "an 'if' statement",
        ast.Try: "a 'try' statement", ast.With: "a 'with' statement",
        ast.Expr: "an expression statement", ast.AugAssign: "an augmented assignment",
        ast.Import: "an import", ast.ImportFrom: "an import", ast.Delete: "a 'del' statement",
        ast.Global: "a 'global' statement", ast.Nonlocal: "a 'nonlocal' statement",
        ast.Raise: "a 'raise' statement", ast.Assert: "an 'assert' statement",
    }
    return names.get(type(stmt), "a '%s' statement" % type(stmt).__name__.lower())
