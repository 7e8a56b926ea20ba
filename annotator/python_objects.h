// PythonObjects: the annotator's window on the live Python objects of the program, through the
// frontend's object table. It classifies constants (functions, classes, modules, frozen objects,
// builtins, prebuilt instances/lists/dicts, typed ints) into annotations and Descs, reads class
// bodies (methods, static/class methods, properties, constants, `_immutable_fields_`,
// `_virtualizable_`), prebuilt instances' attributes and containers' items (memoized by
// identity), JitDriver declarations, type hints, and runs `specialize.memo` functions.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annotator/bookkeeper.h"
#include "translator/flow/model.h"

namespace rpp::frontend {
class ObjectTable;
}

namespace rpp::annotator {

// What a JitDriver declares.
struct JitDriverInfo {
  std::vector<std::string> greens;  // may contain "obj.field"
  std::vector<std::string> reds;
  bool autoreds = false;
  std::vector<std::string> virtualizables;
  std::string name;
};

// A type hint, as a tree: kind is int, float, bool, str, bytes, None, list, dict, tuple,
// optional (args[0] or None), class (cls), r_uint, any, or unknown (not checked).
struct HintType {
  std::string kind;
  std::vector<HintType> args;
  ClassDesc* cls = nullptr;
  std::string text;  // as written, e.g. `list[int]`
};

// A specialize.memo table: every combination of constant arguments and its result.
struct MemoTable {
  std::vector<std::pair<std::vector<flow::ConstValue>, flow::ConstValue>> rows;
};

class PythonObjects {
 public:
  PythonObjects(Bookkeeper& bookkeeper, frontend::ObjectTable& table);
  ~PythonObjects();
  // Drops the helper functions (Python objects) before the embedded CPython is shut down, once
  // the rtyper is done (docs/memory.md); nothing may ask about Python objects afterwards.
  void release_python();

  frontend::ObjectTable& table() { return table_; }

  // The annotation of a Python object constant.
  SomeRef immutable_value(flow::PyObjectRef ref);
  // The Desc of a function, class, module or frozen object (nullptr for anything else).
  Desc* make_desc(flow::PyObjectRef ref);
  ClassDesc* builtin_exception_desc(const std::string& name);
  void classdef_created(ClassDef* classdef);
  // An attribute of a frozen object (a module, a prebuilt instance with _freeze_).
  SomeRef frozen_attribute(FrozenDesc& desc, const std::string& name);
  JitDriverInfo jitdriver_info(const Desc* driver);
  // Calls a specialize.memo function on every combination of its (constant) arguments.
  SomeRef call_memo(FunctionDesc& func, const std::vector<SomeRef>& cells);
  const std::map<const FunctionDesc*, MemoTable>& memo_tables() const { return memo_tables_; }
  std::string describe(flow::PyObjectRef ref);
  HintType hint_type(const flow::ConstValue& hint);
  std::string source_line(const std::string& file, int line);

 private:
  struct Impl;
  Bookkeeper& bk_;
  frontend::ObjectTable& table_;
  std::unique_ptr<Impl> impl_;
  std::map<const FunctionDesc*, MemoTable> memo_tables_;
};

}  // namespace rpp::annotator
