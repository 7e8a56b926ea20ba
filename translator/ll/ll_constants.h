// Constants of low-level graphs defined by this folder (flow::ConstPayload), beside the lltype
// ones (rtyper/lltype/symbolic.h):
//   GraphSet   the last operand of indirect_call: the graphs it may call (LL text `[@f, @g]`);
//              an indirect_call whose set is unknown has a `none` Void constant instead
//   HelperRef  a runtime helper as a function pointer (LL text `$str_concat`)
#pragma once
#include <vector>

#include "translator/flow/model.h"
#include "translator/ll/helper_table.h"

namespace rpp::ll {

class GraphSet final : public flow::ConstPayload {
 public:
  explicit GraphSet(std::vector<flow::FunctionGraph*> graphs) : graphs_(std::move(graphs)) {}
  const std::vector<flow::FunctionGraph*>& graphs() const { return graphs_; }
  std::string repr() const override;
  bool equals(const flow::ConstPayload& other) const override;
  size_t hash() const override;

 private:
  std::vector<flow::FunctionGraph*> graphs_;
};

class HelperRef final : public flow::ConstPayload {
 public:
  explicit HelperRef(const HelperInfo* helper) : helper_(helper) {}
  const HelperInfo* helper() const { return helper_; }
  std::string repr() const override { return "$" + std::string(helper_->name); }
  bool equals(const flow::ConstPayload& other) const override;
  size_t hash() const override { return std::hash<const void*>()(helper_); }

 private:
  const HelperInfo* helper_;
};

// `@name`, quoted when the name has characters other than letters, digits, `_` and `.`.
std::string graph_reference(const std::string& name);

const GraphSet* graph_set_of(const flow::Constant* c);
const HelperInfo* helper_of(const flow::Constant* c);
// The graph of a GraphRef constant, or nullptr.
flow::FunctionGraph* graph_of(const flow::Constant* c);

}  // namespace rpp::ll
