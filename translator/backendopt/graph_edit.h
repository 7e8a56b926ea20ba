// Small editing tools the backend optimizations share: typed constants, renaming the uses of
// values inside one block (operations, exitswitch, link arguments), the links entering each
// block, and a block's variables that are used after a given operation.
#pragma once
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::backendopt {

using ValueMap = std::unordered_map<const flow::Value*, flow::Value*>;

// A constant of the graph with a concrete type.
flow::Constant* typed_constant(flow::FunctionGraph& graph, flow::ConstValue value, const lltype::LowLevelType* type);
// The zero of a low-level type (what a fresh GC malloc holds): 0, 0.0, false, null, none.
flow::Constant* zero_constant(flow::FunctionGraph& graph, const lltype::LowLevelType* type);
// A fresh variable like `like` (same type and name hint).
flow::Variable* copy_variable(flow::FunctionGraph& graph, const flow::Value* like);

// `map[v]` (followed transitively) or v.
flow::Value* renamed(const ValueMap& map, flow::Value* v);
// Renames every use inside the block: operation arguments, exitswitch, link arguments.
void rename_uses(flow::Block* block, const ValueMap& map);

// For each reachable block, the links entering it.
std::map<const flow::Block*, std::vector<flow::Link*>> links_into(const flow::FunctionGraph& graph);

// The variables defined in `block` before operation `index` (input arguments and results of
// operations [0, index)) that the operations from `index` on, the exitswitch or the exits use,
// in order of definition.
std::vector<flow::Variable*> variables_used_from(const flow::Block* block, size_t index);

// Number of operations reachable in the graph (its size for the inlining heuristic), without
// those that compile to no machine code (compiles_to_nothing).
size_t operation_count(const flow::FunctionGraph& graph);
bool compiles_to_nothing(const flow::Operation& op);

}  // namespace rpp::backendopt
