// The object table: every Python object the translation refers to (functions, classes, modules,
// builtins, prebuilt instances, tuples...) gets a stable PyObjectRef id here, in the order the
// flow builder first meets it, so graphs hold plain ids and py::object never leaves the
// frontend. The table also answers every question the flow builder asks about those objects:
// global lookups, folding of pure operations with Python's meaning, function sources (as a C++
// AST) and scopes, classes, nested functions. Implemented by the frontend over the embedded
// CPython; the TranslationContext holds it.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "translator/flow/model.h"
#include "translator/frontend/pyast.h"

namespace rpp::frontend {

using flow::ConstValue;
using flow::PyObjectRef;

enum class ObjectKind {
  Function,         // a Python function (flowable)
  Class,            // a class (user or builtin)
  Module,
  BoundMethod,      // a bound method whose receiver is a constant (frozen object, or class for classmethods)
  Builtin,          // a builtin function or method (len, os.write...)
  Tuple,            // an immutable tuple
  FrozenInstance,   // a prebuilt instance with _freeze_() returning True (attributes fold)
  Instance,         // any other prebuilt object (lists, dicts, instances)
};

// What the flow builder needs to flow a Python function.
struct FunctionInfo {
  PyObjectRef ref;
  std::string qualname;            // co_qualname, e.g. `Interp.run` or `f.<locals>.g`
  std::string module;              // __module__
  std::string filename;            // co_filename (a path, or <rpp-exec-N:...>)
  int first_line = 0;              // co_firstlineno
  std::shared_ptr<const pyast::FunctionDef> ast;  // nullptr when the source cannot be found
  std::string source_error;        // why there is no AST
  // Scopes from the code object.
  std::vector<std::string> varnames, cellvars, freevars;
  std::vector<std::optional<ConstValue>> closure;  // one per freevar; nullopt: an empty cell
  // The signature: positional (posonly included), *vararg, keyword-only, **kwarg.
  std::vector<std::string> argnames, kwonlyargnames;
  std::string vararg, kwarg;       // empty when absent
  std::vector<ConstValue> defaults;                 // for the last positional parameters
  std::map<std::string, ConstValue> kwdefaults;
  bool is_generator = false, is_coroutine = false;
  pyast::Pos first_yield;          // of a generator: its first yield (or await)
  // Scope facts read from the tree: hidden locals made by the comprehension rewrite (names
  // starting with '.'), and the names declared `global` / `nonlocal` with where.
  std::vector<std::string> hidden_locals;
  std::map<std::string, pyast::Pos> global_names, nonlocal_names;
  // rlib decorators, read from the function's marker attributes (docs/rlib.md): _elidable_function_,
  // _jit_look_inside_ = False, _jit_unroll_safe_, _jit_loop_invariant_, _jit_look_inside_iff_,
  // _always_inline_ = True, _dont_inline_, _jit_oopspec_; _annspecialcase_ (e.g.
  // "specialize:arg(0)"); _not_rpython_.
  flow::GraphFlags flags;
  std::string specialize;
  bool not_rpython = false;
};

struct ClassInfo {
  std::string qualname, module;
  std::vector<PyObjectRef> mro;    // the class first
  bool is_builtin = false;
  // A statement in the class body other than defs and constant assignments (SEMANTICS.md):
  // empty when the body is fine.
  std::string body_problem;
  std::string body_file;
  pyast::Pos body_pos;
};

// The outcome of folding a pure operation on constants.
struct FoldResult {
  enum Status { Folded, NotFoldable, Error } status = NotFoldable;
  ConstValue value;
  std::string error;               // for Error: e.g. "module 'os' has no attribute 'nope'"
};

// A class attribute found by zero-argument super(): the raw class-dict entry.
struct SuperAttribute {
  enum Kind { Missing, Function, StaticMethod, ClassMethod, Value } kind = Missing;
  ConstValue value;                // the function (or the value)
};

class ObjectTable {
 public:
  virtual ~ObjectTable() = default;

  virtual ObjectKind kind(PyObjectRef ref) = 0;
  // How the object prints in dumps: `<function f>`, `<class ValueError>`, `<module os>`,
  // `<builtin len>`, `<C object #12>`; never an address.
  virtual std::string describe(PyObjectRef ref) = 0;
  // `builtins.len`, `posix.write`, `rpython.rlib.objectmodel.we_are_translated`: the qualified
  // name of builtins and of the rlib objects the translator implements itself (docs/rlib.md,
  // "Objects the translator recognizes"; they are never flowed); "" otherwise.
  virtual std::string special_name(PyObjectRef ref) = 0;
  // builtins.NAME (exception classes for exception links, `isinstance`...).
  virtual PyObjectRef builtin(const std::string& name) = 0;
  // The entry point of the imported program.
  virtual PyObjectRef entry_point() = 0;

  virtual std::shared_ptr<const FunctionInfo> function_info(PyObjectRef function) = 0;
  virtual std::shared_ptr<const ClassInfo> class_info(PyObjectRef cls) = 0;
  // The receiver and function of a constant bound method.
  virtual std::pair<ConstValue, ConstValue> bound_method(PyObjectRef method) = 0;

  // A global of `function` (its module's globals, then builtins); nullopt when undefined.
  virtual std::optional<ConstValue> lookup_global(PyObjectRef function, const std::string& name) = 0;
  // Folds the flow operation `opname` (a pure one, or getattr on a module, class or frozen
  // object) with Python's meaning when every argument is foldable (immutable: None, bool, int,
  // float, str, bytes, tuples of those, classes, modules, functions, frozen objects).
  virtual FoldResult fold(const std::string& opname, const std::vector<ConstValue>& args) = 0;
  // The items of a constant unrolling_iterable (rpython.rlib.unroll); nullopt for anything else.
  virtual std::optional<std::vector<ConstValue>> unroll_items(const ConstValue& value) = 0;
  // The attribute `name` of the classes after `cls` in cls.__mro__ (zero-argument super()).
  virtual SuperAttribute super_lookup(PyObjectRef cls, const std::string& name) = 0;
  // The free variables of the function defined inside `outer` by the def or lambda numbered
  // `index` (0-based, in source order among those named `name` whose first line is `line`; see
  // FunctionDef::code_index), in the order make_function takes their values.
  virtual std::vector<std::string> nested_freevars(PyObjectRef outer, const std::string& name, int line,
                                                   int index) = 0;
  // That function, created with constant defaults and closure cells. The same arguments give the
  // same object.
  virtual PyObjectRef make_function(PyObjectRef outer, const std::string& name, int line, int index,
                                    const std::vector<ConstValue>& defaults,
                                    const std::map<std::string, ConstValue>& kwdefaults,
                                    const std::vector<ConstValue>& closure) = 0;
  // The text of line `line` of `filename` (a file or an exec-made source), without its newline.
  virtual std::string source_line(const std::string& filename, int line) = 0;
  // Drops the syntax trees and lines of the source files read so far (docs/memory.md): the
  // flow builder needs them no more once every graph is built; they are read again if it does.
  virtual void forget_sources() = 0;
  // Drops every Python object and cache of the table (before the embedded CPython is shut down,
  // once the rtyper is done: docs/memory.md). Any later question is an internal error.
  virtual void release_python() = 0;
  // `import NAME` / `from NAME import x` run inside a flowed function (at flow time): the module.
  virtual std::optional<ConstValue> import_module(PyObjectRef function, const std::string& name, int level,
                                                  std::string* error) = 0;
};

}  // namespace rpp::frontend
