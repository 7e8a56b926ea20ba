// The state genc shares while it writes one program: C++ names of types, functions and static
// objects, GC type ids, and what each translation unit uses (so every unit carries exactly
// the declarations it needs and its text changes only when something it uses changes).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"
#include "translator/flow/model.h"
#include "translator/genc/c_names.h"
#include "translator/genc/c_types.h"
#include "translator/genc/type_ids.h"

namespace rpp::genc {

// What one unit refers to.
struct UnitUses {
  std::set<const lltype::LowLevelType*> types;
  std::set<flow::FunctionGraph*> functions;
  std::set<const lltype::StaticObject*> data;
};

class Emitter {
 public:
  // `gc_types`: the gc stage's type table (nullptr: genc numbers the types itself).
  Emitter(const lltype::RuntimeTypes& rt, const lltype::StaticData& static_data,
          std::shared_ptr<gctransform::GcTypeTable> gc_types = nullptr)
      : rt_(rt), static_data_(static_data), type_ids_(rt, std::move(gc_types)) {}

  CTypes& types() { return types_; }
  TypeIds& type_ids() { return type_ids_; }
  const lltype::RuntimeTypes& runtime_types() const { return rt_; }
  const lltype::StaticData& static_data() const { return static_data_; }

  // The C++ type of `t`, recorded as used by `uses`.
  std::string type_name(const lltype::LowLevelType* t, UnitUses& uses);
  std::string function_name(const flow::FunctionGraph* g) { return function_names_.name(g, "fn_" + g->name); }
  std::string data_name(const lltype::StaticObject* o) { return data_names_.name(o, "d_" + o->name()); }

  // The C++ declaration of a graph's function (without `;`).
  std::string prototype(flow::FunctionGraph* g, UnitUses& uses);
  // `extern "C" T name;` for a static object, as units other than the data unit see it.
  std::string data_declaration(const lltype::StaticObject* o, UnitUses& uses);

  // The C++ expression of a constant of low-level type `t`.
  std::string constant(const flow::ConstValue& value, const lltype::LowLevelType* t, UnitUses& uses);

 private:
  lltype::RuntimeTypes rt_;
  const lltype::StaticData& static_data_;
  CTypes types_;
  TypeIds type_ids_;
  NameTable<const flow::FunctionGraph*> function_names_;
  NameTable<const lltype::StaticObject*> data_names_;
};

// The C++ function of one low-level graph (after the exception transform). Throws UserError
// (located) for what genc cannot emit.
std::string write_function(Emitter& emitter, flow::FunctionGraph& graph, UnitUses& uses);

// `File "f.py", line N, in NAME`: what the traceback records for a graph at `where` (the
// graph's `def` line when unknown).
std::string traceback_entry(const flow::FunctionGraph& graph, const flow::SourceLocation* where = nullptr);
// The entries for an operation at `where`, innermost first: one per function of its inline chain.
std::vector<std::string> traceback_entries(const flow::FunctionGraph& graph, const flow::SourceLocation* where);

}  // namespace rpp::genc
