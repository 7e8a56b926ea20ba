// PythonObjects over the frontend's object table and the embedded CPython. The inspections are
// small Python functions (kPythonHelpers, run once into a private module); everything they
// return is plain data, turned here into Descs and annotations.
#include "annotator/python_objects.h"

#include <pybind11/eval.h>
#include <pybind11/stl.h>

#include <algorithm>

#include "annotator/builtins.h"
#include "annotator/union.h"
#include "translator/frontend/object_table.h"
#include "translator/frontend/python_object_table.h"

namespace py = pybind11;

namespace rpp::annotator {

namespace {

const char* const kPythonHelpers = R"PY(
import builtins, types

_SKIP = {"__module__", "__qualname__", "__doc__", "__dict__", "__weakref__", "__slots__",
         "__annotations__", "__firstlineno__", "__static_attributes__", "__orig_bases__",
         "__classcell__", "_mixin_", "_immutable_", "_immutable_fields_", "_virtualizable_",
         "_attrs_", "__parameters__", "__type_params__"}

def _rlib(obj, module, name):
    t = type(obj)
    return t.__module__ == module and t.__name__ == name

def classify(obj):
    t = type(obj)
    if t is tuple: return "tuple"
    if t is list: return "list"
    if t is dict: return "dict"
    if isinstance(obj, int) and not isinstance(obj, bool):
        mod = t.__module__
        if mod == "rpython.rlib.rarithmetic":
            if getattr(t, "BITS", 64) != 64: return "typed_int_other"
            return "r_uint" if not getattr(t, "SIGNED", True) else "r_int"
        if t is int: return "bigint"
    if isinstance(obj, float) and t is not float: return "float_subclass"
    if t.__module__ == "rpython.rlib.objectmodel" and t.__name__ in ("r_dict", "r_ordereddict"):
        return "r_dict"
    if _rlib(obj, "rpython.rlib.jit", "JitDriver"): return "jitdriver"
    if _rlib(obj, "rpython.rlib.unroll", "unrolling_iterable"): return "unrolling"
    if isinstance(obj, types.FunctionType): return "function"
    if isinstance(obj, type): return "class"
    if isinstance(obj, types.ModuleType): return "module"
    if isinstance(obj, types.MethodType):
        import os
        if obj.__self__ is os.environ: return "builtin"   # os.environ.get (builtin_name)
        return "method"
    if isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType)): return "builtin"
    freeze = getattr(t, "_freeze_", None)
    if freeze is not None:
        try:
            if freeze(obj) is True: return "frozen"
        except Exception:
            pass
    if t.__module__ == "builtins" and not isinstance(obj, BaseException):
        return "other"
    if isinstance(obj, (staticmethod, classmethod, property)): return "other"
    return "instance"

def class_members(cls):
    out = []
    for name, value in cls.__dict__.items():
        if name in _SKIP: continue
        if isinstance(value, types.FunctionType): out.append((name, "function", value))
        elif isinstance(value, staticmethod): out.append((name, "staticmethod", value.__func__))
        elif isinstance(value, classmethod): out.append((name, "classmethod", value.__func__))
        elif isinstance(value, property):
            if value.fset is not None or value.fdel is not None:
                out.append((name, "property_rw", value.fget))
            else:
                out.append((name, "property", value.fget))
        elif name.startswith("__") and name.endswith("__"): continue
        else: out.append((name, "constant", value))
    return out

def class_facts(cls):
    d = cls.__dict__
    fields = []
    for c in reversed(cls.__mro__):
        f = c.__dict__.get("_immutable_fields_")
        if f: fields.extend(f)
    virt = None
    for c in cls.__mro__:
        if "_virtualizable_" in c.__dict__:
            virt = list(c.__dict__["_virtualizable_"]); break
    attrs = d.get("_attrs_")
    bases = [b for b in cls.__bases__ if b is not object]
    immutable = any(c.__dict__.get("_immutable_") for c in cls.__mro__)
    return {
        "bases": bases,
        "immutable": bool(immutable),
        "immutable_fields": [str(x) for x in fields],
        "virtualizable": virt,
        "attrs": list(attrs) if attrs is not None else None,
        "is_exception": isinstance(cls, type) and issubclass(cls, BaseException),
        "is_builtin": cls.__module__ == "builtins",
    }

def instance_attributes(obj):
    d = getattr(obj, "__dict__", None)
    return list(d.items()) if d is not None else []

def container_items(obj):
    if type(obj) is dict: return list(obj.items())
    if classify(obj) == "r_dict": return [(dk.key, v) for dk, v in obj._dict.items()]
    return list(obj)

def rdict_functions(obj):
    return obj.key_eq, obj.key_hash

def jitdriver_info(d):
    return {"greens": list(d.greens), "reds": list(d.reds) if d.reds != "auto" else [],
            "autoreds": bool(getattr(d, "autoreds", False)) or d.reds == "auto",
            "virtualizables": list(getattr(d, "virtualizables", []) or []),
            "name": str(getattr(d, "name", "") or "")}

def function_hints(f):
    hints = {}
    ann = getattr(f, "__annotations__", None) or {}
    for k, v in ann.items():
        if isinstance(v, str):
            try:
                v = eval(v, f.__globals__)
            except Exception:
                continue
        hints[k] = v
    enforced = getattr(f, "_annenforceargs_", None)
    return hints, enforced

def hint_structure(h):
    import typing
    text = getattr(h, "__name__", None) if isinstance(h, type) else None
    text = text or repr(h).replace("typing.", "")
    if h is None or h is type(None): return ("None", [], None, "None")
    if h is typing.Any or h is object: return ("any", [], None, text)
    origin = typing.get_origin(h)
    args = typing.get_args(h)
    import types as _t
    if origin is typing.Union or (hasattr(_t, "UnionType") and isinstance(h, _t.UnionType)):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return ("optional", [hint_structure(rest[0])], None, text)
        return ("unknown", [], None, text)
    if origin is list: return ("list", [hint_structure(a) for a in args], None, text)
    if origin is dict: return ("dict", [hint_structure(a) for a in args], None, text)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis: return ("unknown", [], None, text)
        return ("tuple", [hint_structure(a) for a in args], None, text)
    if isinstance(h, type):
        simple = {int: "int", float: "float", bool: "bool", str: "str", bytes: "bytes",
                  list: "list", dict: "dict", tuple: "unknown"}
        if h in simple: return (simple[h], [], None, text)
        if h.__module__ == "rpython.rlib.rarithmetic" and not getattr(h, "SIGNED", True):
            return ("r_uint", [], None, text)
        if h.__module__ == "rpython.rlib.rarithmetic": return ("int", [], None, text)
        if h.__module__ == "builtins" and not issubclass(h, BaseException):
            return ("unknown", [], None, text)
        return ("class", [], h, text)
    return ("unknown", [], None, text)

def builtin_name(obj):
    """The name of a builtin the annotator implements itself, or ''."""
    import os, sys
    t = type(obj)
    if obj is os.getenv:
        return "os.getenv"
    if isinstance(obj, types.MethodType) and obj.__self__ is os.environ and obj.__name__ == "get":
        return "os.environ.get"
    if isinstance(obj, (types.BuiltinFunctionType, types.BuiltinMethodType)):
        owner = getattr(obj, "__self__", None)
        if owner is sys.stdout: return "sys.stdout." + obj.__name__
        if owner is sys.stderr: return "sys.stderr." + obj.__name__
        if owner is bytes and obj.__name__ == "fromhex": return "bytes.fromhex"
        if isinstance(owner, types.ModuleType):
            mod = owner.__name__
            if mod == "posix": mod = "os"
            if mod == "builtins": return obj.__name__
            return mod + "." + obj.__name__
        return ""
    if isinstance(obj, (types.WrapperDescriptorType, types.MethodDescriptorType)):
        cls = getattr(obj, "__objclass__", None)
        if isinstance(cls, type) and issubclass(cls, BaseException) and obj.__name__ == "__init__":
            return "exception.__init__"
        return ""
    if isinstance(obj, type) and obj.__module__ == "builtins":
        return obj.__name__
    if isinstance(obj, (types.FunctionType, type)):
        mod = getattr(obj, "__module__", "") or ""
        if mod.startswith("rpython.rlib."):
            return mod[len("rpython.rlib."):] + "." + obj.__qualname__
    return ""

def call_memo(f, arglists):
    return [f(*args) for args in arglists]

def int_value(obj):
    return int(obj)
)PY";

}  // namespace

struct PythonObjects::Impl {
  py::object helpers;
  py::object classify, class_members, class_facts, instance_attributes, container_items,
      rdict_functions, jitdriver_info, function_hints, call_memo, int_value, hint_structure,
      builtin_name;
};

PythonObjects::PythonObjects(Bookkeeper& bookkeeper, frontend::ObjectTable& table)
    : bk_(bookkeeper), table_(table), impl_(std::make_unique<Impl>()) {
  py::object m = py::module_::import("types").attr("ModuleType")("_rpp_annotator");
  py::exec(kPythonHelpers, m.attr("__dict__"));
  impl_->helpers = m;
  impl_->classify = m.attr("classify");
  impl_->class_members = m.attr("class_members");
  impl_->class_facts = m.attr("class_facts");
  impl_->instance_attributes = m.attr("instance_attributes");
  impl_->container_items = m.attr("container_items");
  impl_->rdict_functions = m.attr("rdict_functions");
  impl_->jitdriver_info = m.attr("jitdriver_info");
  impl_->function_hints = m.attr("function_hints");
  impl_->call_memo = m.attr("call_memo");
  impl_->int_value = m.attr("int_value");
  impl_->hint_structure = m.attr("hint_structure");
  impl_->builtin_name = m.attr("builtin_name");
  bk_.set_python(this);
}

PythonObjects::~PythonObjects() {
  if (!impl_) return;  // released (the interpreter may be gone)
  py::gil_scoped_acquire gil;
  impl_.reset();
}

void PythonObjects::release_python() { impl_.reset(); }

namespace {

}  // namespace

std::string PythonObjects::describe(flow::PyObjectRef ref) { return table_.describe(ref); }

std::string PythonObjects::source_line(const std::string& file, int line) {
  return table_.source_line(file, line);
}

static py::object to_py(frontend::ObjectTable& t, const flow::ConstValue& v) {
  return frontend::python_object(t, v);
}
static flow::ConstValue from_py(frontend::ObjectTable& t, py::handle h) {
  return frontend::python_constant(t, h);
}

SomeRef PythonObjects::immutable_value(flow::PyObjectRef ref) {
  auto memo = bk_.prebuilt_values.find(ref.id);
  if (memo != bk_.prebuilt_values.end()) return memo->second;
  py::object obj = to_py(table_, ref);
  std::string kind = impl_->classify(obj).cast<std::string>();
  auto fail = [&](const std::string& why) -> SomeRef {
    throw AnnotatorFailure("the constant " + table_.describe(ref) + " cannot be translated: " + why);
  };
  if (kind == "r_uint") {
    auto s = std::make_shared<SomeInteger>(true, IntType::Unsigned);
    s->set_constant(impl_->int_value(obj).cast<uint64_t>());
    return s;
  }
  if (kind == "r_int") {
    int64_t v = impl_->int_value(obj).cast<int64_t>();
    auto s = std::make_shared<SomeInteger>(v >= 0, IntType::Signed);
    s->set_constant(v);
    return s;
  }
  // Builtins the annotator implements (len, os.write, jit.promote, ...), and builtin types.
  if (kind == "function" || kind == "class" || kind == "builtin" || kind == "other") {
    std::string key = impl_->builtin_name(obj).cast<std::string>();
    static const char* isinstance_types[] = {"int", "float", "str", "bytes", "list", "dict", "tuple",
                                             "bool", "object"};
    if (!key.empty() && (is_builtin_name(key) ||
                         std::find(std::begin(isinstance_types), std::end(isinstance_types), key) !=
                             std::end(isinstance_types)))
      return std::make_shared<SomeBuiltin>(key);
    if (kind == "builtin" || (kind == "other" && !key.empty()))
      return fail("the builtin " + (key.empty() ? table_.describe(ref) : key) + " is not supported in RPython");
  }
  if (kind == "bigint") return fail("the integer does not fit a signed 64-bit machine word");
  if (kind == "typed_int_other") return fail("only 64-bit typed integers are supported");
  if (kind == "tuple") {
    std::vector<SomeRef> items;
    for (py::handle item : obj) items.push_back(bk_.immutable_value(from_py(table_, item)));
    return std::make_shared<SomeTuple>(std::move(items));
  }
  if (kind == "list") {
    SomeRef s = bk_.fresh_list(s_impossible());
    bk_.prebuilt_values[ref.id] = s;
    ListDef* l = s->as<SomeList>().listdef;
    for (py::handle item : impl_->container_items(obj))
      l->generalize(without_constant(bk_.immutable_value(from_py(table_, item))));
    return s;
  }
  if (kind == "dict" || kind == "r_dict") {
    SomeRef s = bk_.fresh_dict(s_impossible(), s_impossible(), kind == "r_dict");
    bk_.prebuilt_values[ref.id] = s;
    DictDef* d = s->as<SomeDict>().dictdef;
    if (kind == "r_dict") {
      py::tuple fns = impl_->rdict_functions(obj);
      d->key()->eq_function = bk_.immutable_value(from_py(table_, fns[0]));
      d->key()->hash_function = bk_.immutable_value(from_py(table_, fns[1]));
    }
    for (py::handle item : impl_->container_items(obj)) {
      py::tuple kv = py::reinterpret_borrow<py::tuple>(item);
      d->generalize_key(without_constant(bk_.immutable_value(from_py(table_, kv[0]))));
      d->generalize_value(without_constant(bk_.immutable_value(from_py(table_, kv[1]))));
    }
    return s;
  }
  if (kind == "function" || kind == "module" || kind == "frozen" || kind == "jitdriver") {
    Desc* d = bk_.desc_for(ref);
    return std::make_shared<SomePBC>(std::vector<const Desc*>{d});
  }
  if (kind == "class") {
    Desc* d = bk_.desc_for(ref);
    if (!d) return fail("this class is not supported");
    return std::make_shared<SomePBC>(std::vector<const Desc*>{d});
  }
  if (kind == "method") {
    auto [receiver, func] = table_.bound_method(ref);
    Desc* f = std::holds_alternative<flow::PyObjectRef>(func) ? bk_.desc_for(std::get<flow::PyObjectRef>(func)) : nullptr;
    Desc* r = std::holds_alternative<flow::PyObjectRef>(receiver) ? bk_.desc_for(std::get<flow::PyObjectRef>(receiver)) : nullptr;
    if (r && r->kind == DescKind::Frozen && f == nullptr) {
      // A method of a JitDriver, read as a constant.
      py::object fn = to_py(table_, func);
      std::string name = py::str(fn.attr("__name__")).cast<std::string>();
      return std::make_shared<SomeBuiltin>(name, std::make_shared<SomePBC>(std::vector<const Desc*>{r}));
    }
    if (!f || f->kind != DescKind::Function || !r || (r->kind != DescKind::Frozen && r->kind != DescKind::Class))
      return fail("a bound method of a prebuilt instance: store the function and pass the instance");
    return std::make_shared<SomePBC>(std::vector<const Desc*>{bk_.method_of_frozen(&f->as<FunctionDesc>(), r)});
  }
  if (kind == "instance") {
    py::object cls = obj.attr("__class__");
    flow::ConstValue cls_ref = from_py(table_, cls);
    Desc* cd = bk_.desc_for(std::get<flow::PyObjectRef>(cls_ref));
    if (!cd || cd->kind != DescKind::Class) return fail("instances of this class are not supported");
    std::string special = table_.special_name(std::get<flow::PyObjectRef>(cls_ref));
    auto* cdesc = &cd->as<ClassDesc>();
    ClassDef* classdef = bk_.classdef_for(cdesc);
    SomeRef s = std::make_shared<SomeInstance>(classdef);
    bk_.prebuilt_values[ref.id] = s;
    cdesc->prebuilt_instances.push_back(ref);
    for (py::handle item : impl_->instance_attributes(obj)) {
      py::tuple kv = py::reinterpret_borrow<py::tuple>(item);
      std::string name = kv[0].cast<std::string>();
      SomeRef v = bk_.immutable_value(from_py(table_, kv[1]));
      bk_.write_attribute(classdef, name, v->is(SomeKind::PBC) ? v : without_constant(v));
    }
    return s;
  }
  if (kind == "unrolling") {
    // Its items, as a constant tuple (len() and + work; `for` loops over it are unrolled).
    std::vector<SomeRef> items;
    for (py::handle item : obj.attr("get_items")()) items.push_back(bk_.immutable_value(from_py(table_, item)));
    return std::make_shared<SomeTuple>(std::move(items));
  }
  return fail("objects of type " + py::str(obj.attr("__class__").attr("__qualname__")).cast<std::string>() +
              " are not RPython values");
}

Desc* PythonObjects::make_desc(flow::PyObjectRef ref) {
  py::object obj = to_py(table_, ref);
  std::string kind = impl_->classify(obj).cast<std::string>();
  if (kind == "function") {
    auto info = table_.function_info(ref);
    auto* f = bk_.make_desc<FunctionDesc>(DescKind::Function, bk_.next_serial(), info->qualname);
    f->pyobj = ref;
    f->signature.params = info->argnames;
    if (!info->vararg.empty()) f->signature.star_args = info->vararg;
    f->signature.kwonly = info->kwonlyargnames;
    f->signature.has_star_kwargs = !info->kwarg.empty();
    f->signature.defaults = info->defaults;
    f->signature.kwonly_defaults = info->kwdefaults;
    f->location.file = std::make_shared<const std::string>(info->filename);
    f->location.line = info->first_line;
    f->specialize_tag = info->specialize;
    f->flags = info->flags;
    f->not_rpython = info->not_rpython;
    f->is_generator = info->is_generator || info->is_coroutine;
    py::tuple hints = impl_->function_hints(obj);
    for (auto item : py::reinterpret_borrow<py::dict>(hints[0]))
      f->hints[item.first.cast<std::string>()] = from_py(table_, item.second);
    if (!hints[1].is_none()) {
      size_t i = 0;
      for (py::handle t : hints[1]) {
        if (i < f->signature.params.size() && !t.is_none())
          f->enforced[f->signature.params[i]] = from_py(table_, t);
        ++i;
      }
    }
    bk_.remember_desc(ref, f);
    return f;
  }
  if (kind == "class") {
    auto info = table_.class_info(ref);
    py::dict facts = impl_->class_facts(obj);
    bool is_exception = facts["is_exception"].cast<bool>();
    bool is_builtin = facts["is_builtin"].cast<bool>();
    if (is_builtin && !is_exception) return nullptr;
    if (!info->body_problem.empty()) {
      AnnotatorFailure f("the body of class " + info->qualname + " contains " + info->body_problem +
                         ": class bodies may only contain defs and constant assignments");
      f.other_location.file = std::make_shared<const std::string>(info->body_file);
      f.other_location.line = info->body_pos.line;
      f.other_location.col = info->body_pos.col;
      f.other_location_label = "here";
      throw f;
    }
    auto* c = bk_.make_desc<ClassDesc>(DescKind::Class, bk_.next_serial(), info->qualname);
    c->pyobj = ref;
    bk_.remember_desc(ref, c);  // before the bases and members (which may refer to the class)
    c->is_builtin_exception = is_builtin && is_exception;
    py::list bases = facts["bases"];
    if (py::len(bases) > 1)
      throw AnnotatorFailure("class " + info->qualname +
                             " has several base classes: RPython has single inheritance (use "
                             "import_from_mixin for mixins)");
    if (py::len(bases) == 1) {
      flow::ConstValue b = from_py(table_, bases[0]);
      Desc* bd = bk_.desc_for(std::get<flow::PyObjectRef>(b));
      if (!bd || bd->kind != DescKind::Class)
        throw AnnotatorFailure("class " + info->qualname + " derives from a class RPython does not support");
      c->base = &bd->as<ClassDesc>();
    }
    c->immutable = facts["immutable"].cast<bool>();
    for (const auto& f : facts["immutable_fields"].cast<std::vector<std::string>>()) {
      std::string name = f;
      ImmutableField field;
      if (name.size() > 3 && name.compare(name.size() - 3, 3, "[*]") == 0) {
        field.array = true;
        name.resize(name.size() - 3);
      }
      if (!name.empty() && name.back() == '?') {
        field.quasi = true;
        name.pop_back();
      }
      c->immutable_fields[name] = field;
    }
    if (!facts["virtualizable"].is_none()) {
      c->has_virtualizable = true;
      c->virtualizable_fields = facts["virtualizable"].cast<std::vector<std::string>>();
    }
    if (!facts["attrs"].is_none()) c->attrs = facts["attrs"].cast<std::vector<std::string>>();
    if (!c->is_builtin_exception) {
      for (py::handle item : impl_->class_members(obj)) {
        py::tuple t = py::reinterpret_borrow<py::tuple>(item);
        std::string name = t[0].cast<std::string>();
        std::string k = t[1].cast<std::string>();
        ClassMember m;
        if (k == "property_rw")
          throw AnnotatorFailure("the property " + info->qualname + "." + name +
                                 " has a setter or deleter: only read-only properties are RPython");
        m.kind = k == "function" ? ClassMember::Kind::Function
                 : k == "staticmethod" ? ClassMember::Kind::StaticMethod
                 : k == "classmethod" ? ClassMember::Kind::ClassMethod
                 : k == "property" ? ClassMember::Kind::Property
                                   : ClassMember::Kind::Constant;
        m.object = from_py(table_, t[2]);
        c->members[name] = m;
      }
    }
    return c;
  }
  if (kind == "module" || kind == "frozen" || kind == "jitdriver") {
    auto* d = bk_.make_desc<FrozenDesc>(DescKind::Frozen, bk_.next_serial(), table_.describe(ref));
    d->pyobj = ref;
    bk_.remember_desc(ref, d);
    return d;
  }
  return nullptr;
}

ClassDesc* PythonObjects::builtin_exception_desc(const std::string& name) {
  flow::PyObjectRef ref = table_.builtin(name);
  Desc* d = bk_.desc_for(ref);
  return d && d->kind == DescKind::Class ? &d->as<ClassDesc>() : nullptr;
}

void PythonObjects::classdef_created(ClassDef*) {}

SomeRef PythonObjects::frozen_attribute(FrozenDesc& desc, const std::string& name) {
  auto it = desc.attribute_cache.find(name);
  if (it != desc.attribute_cache.end()) return it->second;
  py::object obj = to_py(table_, *desc.pyobj);
  SomeRef s;
  if (impl_->classify(obj).cast<std::string>() == "jitdriver") {
    if (name == "jit_merge_point" || name == "can_enter_jit" || name == "loop_header")
      s = std::make_shared<SomeBuiltin>(name, std::make_shared<SomePBC>(std::vector<const Desc*>{&desc}));
    else
      throw AnnotatorFailure("a JitDriver has no method '" + name + "' usable in translated code");
  } else {
    if (!py::hasattr(obj, name.c_str()))
      throw AnnotatorFailure(desc.name + " has no attribute '" + name + "'");
    s = bk_.immutable_value(from_py(table_, obj.attr(name.c_str())));
  }
  desc.attribute_cache[name] = s;
  return s;
}

JitDriverInfo PythonObjects::jitdriver_info(const Desc* driver) {
  py::dict d = impl_->jitdriver_info(to_py(table_, *driver->pyobj));
  JitDriverInfo info;
  info.greens = d["greens"].cast<std::vector<std::string>>();
  info.reds = d["reds"].cast<std::vector<std::string>>();
  info.autoreds = d["autoreds"].cast<bool>();
  info.virtualizables = d["virtualizables"].cast<std::vector<std::string>>();
  info.name = d["name"].cast<std::string>();
  return info;
}

SomeRef PythonObjects::call_memo(FunctionDesc& func, const std::vector<SomeRef>& cells) {
  std::vector<std::vector<flow::ConstValue>> choices;
  for (size_t i = 0; i < cells.size(); ++i) {
    const SomeRef& s = cells[i];
    std::vector<flow::ConstValue> values;
    if (s->is_constant()) {
      values.push_back(*s->constant());
    } else if (s->is(SomeKind::PBC)) {
      for (const Desc* d : s->as<SomePBC>().descs()) {
        if (!d->pyobj)
          throw AnnotatorFailure(func.name + "() is specialize.memo: argument " + std::to_string(i) +
                                 " must come from a set of prebuilt constants");
        values.push_back(*d->pyobj);
      }
      if (s->can_be_none()) values.push_back(flow::NoneValue{});
    } else if (s->is(SomeKind::Bool)) {
      values = {false, true};
    } else {
      throw AnnotatorFailure(func.name + "() is specialize.memo: argument " + std::to_string(i) +
                             " must be a prebuilt constant or a bool, not " + s->repr());
    }
    choices.push_back(std::move(values));
  }
  std::vector<std::vector<flow::ConstValue>> combos{{}};
  for (const auto& c : choices) {
    std::vector<std::vector<flow::ConstValue>> next;
    for (const auto& prefix : combos)
      for (const auto& v : c) {
        auto row = prefix;
        row.push_back(v);
        next.push_back(std::move(row));
      }
    combos = std::move(next);
    if (combos.size() > 4096)
      throw AnnotatorFailure(func.name + "() is specialize.memo with too many argument combinations");
  }
  py::list arglists;
  for (const auto& row : combos) {
    py::list args;
    for (const auto& v : row) args.append(to_py(table_, v));
    arglists.append(py::tuple(args));
  }
  py::list results;
  try {
    results = impl_->call_memo(to_py(table_, *func.pyobj), arglists);
  } catch (py::error_already_set& e) {
    throw AnnotatorFailure(func.name + "() (specialize.memo) raised while computed at translation time: " +
                           std::string(e.what()));
  }
  MemoTable& table = memo_tables_[&func];
  table.rows.clear();
  SomeRef result = s_impossible();
  for (size_t i = 0; i < combos.size(); ++i) {
    flow::ConstValue r = from_py(table_, results[i]);
    table.rows.emplace_back(combos[i], r);
    result = union_of(result, bk_.immutable_value(r));
  }
  return result;
}

namespace {

HintType hint_from_tuple(PythonObjects& self, Bookkeeper& bk, frontend::ObjectTable& table, py::handle t) {
  py::tuple tup = py::reinterpret_borrow<py::tuple>(t);
  HintType h;
  h.kind = tup[0].cast<std::string>();
  for (py::handle a : tup[1]) h.args.push_back(hint_from_tuple(self, bk, table, a));
  if (!tup[2].is_none()) {
    flow::ConstValue c = from_py(table, tup[2]);
    Desc* d = std::holds_alternative<flow::PyObjectRef>(c) ? bk.desc_for(std::get<flow::PyObjectRef>(c)) : nullptr;
    if (d && d->kind == DescKind::Class) h.cls = &d->as<ClassDesc>();
    else h.kind = "unknown";
  }
  h.text = tup[3].cast<std::string>();
  return h;
}

}  // namespace

HintType PythonObjects::hint_type(const flow::ConstValue& hint) {
  return hint_from_tuple(*this, bk_, table_, impl_->hint_structure(to_py(table_, hint)));
}

}  // namespace rpp::annotator
