// ObjectTable over the embedded CPython: conversions between flow constants and Python objects,
// and caches of function and class information.
#include "translator/frontend/python_object_table.h"

#include <pybind11/stl.h>

#include <unordered_map>

#include "translator/diagnostics.h"
#include "translator/frontend/ast_convert.h"
#include "translator/frontend/program_objects.h"

namespace py = pybind11;

namespace rpp::frontend {

namespace {

class PythonObjectTable : public ObjectTable {
 public:
  explicit PythonObjectTable(Program& program) {
    guard([&] {
      table_ = py::module_::import("_rpp.flowobjects").attr("ObjectTable")(program.objects().entry_point);
    });
  }

  ~PythonObjectTable() override = default;

  ObjectKind kind(PyObjectRef ref) override {
    std::string k = call<std::string>("kind", ref.id);
    if (k == "function") return ObjectKind::Function;
    if (k == "class") return ObjectKind::Class;
    if (k == "module") return ObjectKind::Module;
    if (k == "method") return ObjectKind::BoundMethod;
    if (k == "builtin") return ObjectKind::Builtin;
    if (k == "tuple") return ObjectKind::Tuple;
    if (k == "frozen") return ObjectKind::FrozenInstance;
    return ObjectKind::Instance;
  }

  std::string describe(PyObjectRef ref) override { return call<std::string>("describe", ref.id); }
  std::string special_name(PyObjectRef ref) override { return call<std::string>("special_name", ref.id); }
  PyObjectRef builtin(const std::string& name) override { return PyObjectRef{call<uint32_t>("builtin", name)}; }
  PyObjectRef entry_point() override { return PyObjectRef{call<uint32_t>("entry_point")}; }

  std::shared_ptr<const FunctionInfo> function_info(PyObjectRef function) override {
    auto it = functions_.find(function.id);
    if (it != functions_.end()) return it->second;
    auto info = std::make_shared<FunctionInfo>();
    guard([&] {
      py::dict d = table_.attr("function_info")(function.id);
      info->ref = function;
      info->qualname = d["qualname"].cast<std::string>();
      info->module = d["module"].cast<std::string>();
      info->filename = d["filename"].cast<std::string>();
      info->first_line = d["first_line"].cast<int>();
      info->source_error = d["source_error"].cast<std::string>();
      if (!d["ast"].is_none())
        info->ast = convert_function_ast(d["ast"], [&](py::handle h) { return from_python(h); });
      info->varnames = d["varnames"].cast<std::vector<std::string>>();
      info->cellvars = d["cellvars"].cast<std::vector<std::string>>();
      info->freevars = d["freevars"].cast<std::vector<std::string>>();
      for (py::handle cell : d["closure"]) {
        py::tuple t = py::reinterpret_borrow<py::tuple>(cell);
        if (t[0].cast<bool>())
          info->closure.push_back(from_python(t[1]));
        else
          info->closure.push_back(std::nullopt);
      }
      info->argnames = d["argnames"].cast<std::vector<std::string>>();
      info->kwonlyargnames = d["kwonlyargnames"].cast<std::vector<std::string>>();
      info->vararg = d["vararg"].cast<std::string>();
      info->kwarg = d["kwarg"].cast<std::string>();
      for (py::handle v : d["defaults"]) info->defaults.push_back(from_python(v));
      for (auto item : py::reinterpret_borrow<py::dict>(d["kwdefaults"]))
        info->kwdefaults[item.first.cast<std::string>()] = from_python(item.second);
      info->is_generator = d["is_generator"].cast<bool>();
      info->is_coroutine = d["is_coroutine"].cast<bool>();
      auto pos = [](py::handle t) {
        py::tuple p = py::reinterpret_borrow<py::tuple>(t);
        return pyast::Pos{p[0].cast<int>(), p[1].cast<int>()};
      };
      info->first_yield = pos(d["first_yield"]);
      info->hidden_locals = d["hidden_locals"].cast<std::vector<std::string>>();
      for (auto item : py::reinterpret_borrow<py::dict>(d["global_names"]))
        info->global_names[item.first.cast<std::string>()] = pos(item.second);
      for (auto item : py::reinterpret_borrow<py::dict>(d["nonlocal_names"]))
        info->nonlocal_names[item.first.cast<std::string>()] = pos(item.second);
      auto flags = d["flags"].cast<std::map<std::string, bool>>();
      auto flag = [&](const char* name) { return flags.count(name) && flags[name]; };
      info->flags.elidable = flag("elidable");
      info->flags.dont_look_inside = flag("dont_look_inside");
      info->flags.unroll_safe = flag("unroll_safe");
      info->flags.look_inside_iff = flag("look_inside_iff");
      info->flags.loop_invariant = flag("loop_invariant");
      info->flags.always_inline = flag("always_inline");
      info->flags.dont_inline = flag("dont_inline");
      info->flags.oopspec = d["oopspec"].cast<std::string>();
      info->specialize = d["specialize"].cast<std::string>();
      info->not_rpython = d["not_rpython"].cast<bool>();
    });
    functions_[function.id] = info;
    return info;
  }

  std::shared_ptr<const ClassInfo> class_info(PyObjectRef cls) override {
    auto it = classes_.find(cls.id);
    if (it != classes_.end()) return it->second;
    auto info = std::make_shared<ClassInfo>();
    guard([&] {
      py::dict d = table_.attr("class_info")(cls.id);
      info->qualname = d["qualname"].cast<std::string>();
      info->module = d["module"].cast<std::string>();
      for (py::handle r : d["mro"]) info->mro.push_back(PyObjectRef{r.cast<uint32_t>()});
      info->is_builtin = d["is_builtin"].cast<bool>();
      info->body_problem = d["body_problem"].cast<std::string>();
      info->body_file = d["body_file"].cast<std::string>();
      info->body_pos = pyast::Pos{d["body_line"].cast<int>(), d["body_col"].cast<int>()};
    });
    classes_[cls.id] = info;
    return info;
  }

  std::pair<ConstValue, ConstValue> bound_method(PyObjectRef method) override {
    std::pair<ConstValue, ConstValue> result;
    guard([&] {
      py::tuple t = table_.attr("bound_method")(method.id);
      result = {from_python(t[0]), from_python(t[1])};
    });
    return result;
  }

  std::optional<ConstValue> lookup_global(PyObjectRef function, const std::string& name) override {
    std::optional<ConstValue> result;
    guard([&] {
      py::tuple t = table_.attr("lookup_global")(function.id, name);
      if (t[0].cast<bool>()) result = from_python(t[1]);
    });
    return result;
  }

  FoldResult fold(const std::string& opname, const std::vector<ConstValue>& args) override {
    FoldResult result;
    guard([&] {
      py::list pyargs;
      for (auto& a : args) pyargs.append(to_python(a));
      py::tuple t = table_.attr("fold")(opname, pyargs);
      std::string status = t[0].cast<std::string>();
      if (status == "folded") {
        result.status = FoldResult::Folded;
        result.value = from_python(t[1]);
      } else if (status == "error") {
        result.status = FoldResult::Error;
        result.error = t[1].cast<std::string>();
      }
    });
    return result;
  }

  std::optional<std::vector<ConstValue>> unroll_items(const ConstValue& value) override {
    std::optional<std::vector<ConstValue>> result;
    if (!std::holds_alternative<PyObjectRef>(value)) return result;
    guard([&] {
      py::object items = table_.attr("unroll_items")(to_python(value));
      if (items.is_none()) return;
      std::vector<ConstValue> out;
      for (py::handle item : items) out.push_back(from_python(item));
      result = std::move(out);
    });
    return result;
  }

  SuperAttribute super_lookup(PyObjectRef cls, const std::string& name) override {
    SuperAttribute result;
    guard([&] {
      py::tuple t = table_.attr("super_lookup")(cls.id, name);
      std::string kind = t[0].cast<std::string>();
      if (kind == "missing") return;
      result.kind = kind == "function" ? SuperAttribute::Function
                  : kind == "static" ? SuperAttribute::StaticMethod
                  : kind == "class" ? SuperAttribute::ClassMethod : SuperAttribute::Value;
      result.value = from_python(t[1]);
    });
    return result;
  }

  std::vector<std::string> nested_freevars(PyObjectRef outer, const std::string& name, int line,
                                           int index) override {
    std::vector<std::string> result;
    guard([&] {
      result = table_.attr("nested_freevars")(outer.id, name, line, index).cast<std::vector<std::string>>();
    });
    return result;
  }

  PyObjectRef make_function(PyObjectRef outer, const std::string& name, int line, int index,
                            const std::vector<ConstValue>& defaults,
                            const std::map<std::string, ConstValue>& kwdefaults,
                            const std::vector<ConstValue>& closure) override {
    PyObjectRef result;
    guard([&] {
      py::list d, c;
      py::dict kw;
      for (auto& v : defaults) d.append(to_python(v));
      for (auto& [k, v] : kwdefaults) kw[py::str(k)] = to_python(v);
      for (auto& v : closure) c.append(to_python(v));
      result.id = table_.attr("make_function")(outer.id, name, line, index, d, kw, c).cast<uint32_t>();
    });
    return result;
  }

  std::string source_line(const std::string& filename, int line) override {
    std::string text;
    guard([&] {
      py::list lines = py::module_::import("_rpp.lines").attr("getlines")(filename);
      if (line >= 1 && size_t(line) <= lines.size()) text = lines[line - 1].cast<std::string>();
    });
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
  }

  void release_python() override {
    table_ = py::object();
    released_ = true;
    functions_.clear();
    classes_.clear();
  }

  void forget_sources() override {
    guard([&] { py::module_::import("_rpp.flowast").attr("forget_sources")(); });
  }

  std::optional<ConstValue> import_module(PyObjectRef function, const std::string& name, int level,
                                          std::string* error) override {
    std::optional<ConstValue> result;
    guard([&] {
      py::tuple t = table_.attr("import_module")(function.id, name, level);
      if (t[0].cast<bool>())
        result = from_python(t[1]);
      else if (error)
        *error = t[1].cast<std::string>();
    });
    return result;
  }

 private:
  template <class F>
  void guard(F&& f) {
    check_alive();
    try {
      f();
    } catch (py::error_already_set& e) {
      rethrow_as_user_error(e);
    }
  }

  template <class T, class... Args>
  T call(const char* method, Args&&... args) {
    T result{};
    guard([&] { result = table_.attr(method)(std::forward<Args>(args)...).template cast<T>(); });
    return result;
  }


 public:
  // Conversions (also used by python_object / python_constant below).
  ConstValue from_python(py::handle obj) {
    check_alive();
    if (obj.is_none()) return flow::NoneValue{};
    PyTypeObject* type = Py_TYPE(obj.ptr());
    if (type == &PyBool_Type) return obj.ptr() == Py_True;
    if (type == &PyLong_Type) {
      int overflow = 0;
      long long v = PyLong_AsLongLongAndOverflow(obj.ptr(), &overflow);
      if (!overflow) return static_cast<int64_t>(v);
    } else if (type == &PyFloat_Type) {
      return PyFloat_AsDouble(obj.ptr());
    } else if (type == &PyUnicode_Type) {
      py::bytes utf8 = py::reinterpret_steal<py::bytes>(
          PyUnicode_AsEncodedString(obj.ptr(), "utf-8", "surrogatepass"));
      if (!utf8) throw py::error_already_set();
      return std::string(utf8);
    } else if (type == &PyBytes_Type) {
      return flow::Bytes{std::string(py::reinterpret_borrow<py::bytes>(obj))};
    }
    return PyObjectRef{table_.attr("ref")(obj).cast<uint32_t>()};
  }

  void check_alive() const {
    if (released_)
      throw UserError("rpp: internal error: a stage asked the frontend about a Python object after the "
                      "embedded Python was shut down (translator/driver/pipeline.cc, docs/memory.md)");
  }

  py::object to_python(const ConstValue& value) {
    check_alive();
    struct Visitor {
      PythonObjectTable& self;
      py::object operator()(const flow::NoneValue&) const { return py::none(); }
      py::object operator()(bool b) const { return py::bool_(b); }
      py::object operator()(int64_t i) const { return py::int_(i); }
      py::object operator()(uint64_t u) const { return py::int_(u); }
      py::object operator()(double d) const { return py::float_(d); }
      py::object operator()(const std::string& s) const {
        PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogatepass");
        if (!o) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(o);
      }
      py::object operator()(const flow::Bytes& b) const { return py::bytes(b.data); }
      py::object operator()(const PyObjectRef& r) const { return self.table_.attr("get")(r.id); }
      py::object operator()(const flow::GraphRef&) const { throw std::logic_error("a graph is not a Python object"); }
      py::object operator()(const flow::LastExceptionMarker&) const { throw std::logic_error("not a Python object"); }
      py::object operator()(const flow::DefaultCase&) const { throw std::logic_error("not a Python object"); }
      py::object operator()(const std::shared_ptr<const flow::ConstPayload>&) const {
        throw std::logic_error("a payload constant is not a Python object");
      }
    };
    return std::visit(Visitor{*this}, value);
  }


 private:
  py::object table_;
  bool released_ = false;  // release_python() was called
  std::unordered_map<uint32_t, std::shared_ptr<const FunctionInfo>> functions_;
  std::unordered_map<uint32_t, std::shared_ptr<const ClassInfo>> classes_;
};

}  // namespace

std::shared_ptr<ObjectTable> make_object_table(Program& program) {
  return std::make_shared<PythonObjectTable>(program);
}

py::object python_object(ObjectTable& table, const ConstValue& value) {
  return static_cast<PythonObjectTable&>(table).to_python(value);
}

ConstValue python_constant(ObjectTable& table, py::handle object) {
  return static_cast<PythonObjectTable&>(table).from_python(object);
}

}  // namespace rpp::frontend
