// What an operation handler works with (RPython's HighLevelOp and LowLevelOpList): the flow
// operation being rtyped, the annotations and reprs of its arguments and result, and the list of
// low-level operations that replaces it. Every low-level operation made here carries the flow
// operation's source location.
#pragma once
#include <string>
#include <vector>

#include "annotator/some_value.h"
#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/static_data.h"
#include "rtyper/repr.h"
#include "translator/flow/model.h"

namespace rpp::rtyper {

class RTyper;

class LowLevelOps {
 public:
  LowLevelOps(RTyper& rtyper, flow::FunctionGraph& graph, flow::SourceLocation location)
      : rtyper_(rtyper), graph_(graph), location_(std::move(location)) {}

  RTyper& rtyper() { return rtyper_; }
  flow::FunctionGraph& graph() { return graph_; }
  const flow::SourceLocation& location() const { return location_; }
  std::vector<flow::Operation>& operations() { return ops_; }

  // Appends `opname(args)` with a fresh result of type `result` (Void: a result nobody uses).
  flow::Variable* genop(const std::string& opname, std::vector<flow::Value*> args,
                        const lltype::LowLevelType* result = &lltype::Void);
  // Constants of the graph, typed.
  flow::Constant* constant(flow::ConstValue value, const lltype::LowLevelType* type);
  flow::Constant* signed_constant(int64_t value) { return constant(value, &lltype::Signed); }
  flow::Constant* void_string(const std::string& text);  // field names, flavors, hint names
  flow::Constant* type_constant(const lltype::LowLevelType* type);  // <T>
  flow::Constant* graph_constant(flow::FunctionGraph* graph);       // @g
  flow::Constant* helper_constant(const std::string& helper_name);  // $name
  flow::Constant* static_constant(const lltype::StaticObject* object, const lltype::LowLevelType* type);

  // Converts `v` from repr `from` to repr `to` (convert.h); throws RTypeFailure.
  flow::Value* convert(flow::Value* v, Repr* from, Repr* to);
  // A call of a graph (direct_call @g) or of a runtime helper ($name, runtime/helpers.def).
  flow::Value* call_graph(flow::FunctionGraph* graph, std::vector<flow::Value*> args);
  flow::Value* call_helper(const std::string& helper_name, std::vector<flow::Value*> args);
  // cast_pointer to `to`, unless the type is already `to`.
  flow::Value* cast_pointer(flow::Value* v, const lltype::LowLevelType* to);

 private:
  RTyper& rtyper_;
  flow::FunctionGraph& graph_;
  flow::SourceLocation location_;
  std::vector<flow::Operation> ops_;
};

class Hop {
 public:
  Hop(RTyper& rtyper, flow::FunctionGraph& graph, flow::Block& block, size_t index, LowLevelOps& llops);

  RTyper& rtyper;
  flow::FunctionGraph& graph;
  flow::Block& block;
  const size_t index;
  const flow::Operation& op;
  LowLevelOps& llops;
  std::vector<annotator::SomeRef> args_s;
  std::vector<Repr*> args_r;
  annotator::SomeRef s_result;
  Repr* r_result;

  size_t nargs() const { return op.args.size(); }
  // Argument i converted to repr `r` (a constant is converted at translation time).
  flow::Value* arg(size_t i, Repr* r);
  // Argument i in its own repr.
  flow::Value* arg(size_t i) { return arg(i, args_r[i]); }
  // The Python constant of argument i, when it is one (a Constant, or a constant annotation).
  const flow::ConstValue* constant_arg(size_t i) const;

  // This operation ends a block whose exceptions are caught by its links.
  bool has_exception_links() const;
  // The next low-level operation is the one that may raise (it must be the last one made).
  void exception_is_here();
  // No low-level operation made for this one can raise: its exception links go away.
  void exception_cannot_occur() { raising_index_ = -2; }
  // -1: not said; -2: cannot occur; otherwise the index of the raising operation.
  int raising_index() const { return raising_index_; }

  // "(int, float)": the annotations of the arguments, for messages.
  std::string describe_args() const;
  [[noreturn]] void fail(const std::string& message) const;
  // "no low-level implementation of OP for (ANNOTATIONS)".
  [[noreturn]] void unsupported() const;

 private:
  int raising_index_ = -1;
};

}  // namespace rpp::rtyper
