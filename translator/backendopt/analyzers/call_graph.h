// The call graph of low-level graphs: which graphs (or runtime helpers, or unknown functions)
// each call operation may reach, and the strongly connected components of the graph-to-graph
// calls in callee-first order (Boost.Graph), which the analyzers' fixpoints walk.
#pragma once
#include <map>
#include <vector>

#include "translator/flow/model.h"
#include "translator/ll/helper_table.h"

namespace rpp::analyzers {

// What one call operation may call.
struct CallTargets {
  std::vector<flow::FunctionGraph*> graphs;
  const ll::HelperInfo* helper = nullptr;  // a direct call of a runtime helper
  bool unknown = false;                    // a function the toolchain cannot see
};

// The targets of a call operation (direct_call, indirect_call, jit_conditional_call[_value]);
// nullopt-like empty targets with unknown=false for an operation that is not a call.
CallTargets call_targets(const flow::Operation& op);
bool is_call(const flow::Operation& op);

class CallGraph {
 public:
  // The graphs and every graph they may call, transitively.
  explicit CallGraph(const std::vector<flow::FunctionGraph*>& roots);

  const std::vector<flow::FunctionGraph*>& graphs() const { return graphs_; }
  // Each SCC once, a callee's SCC before its callers'. Members in discovery order.
  const std::vector<std::vector<flow::FunctionGraph*>>& sccs() const { return sccs_; }
  // The index of a graph's SCC in sccs().
  size_t scc_of(const flow::FunctionGraph* g) const { return scc_index_.at(g); }
  const std::vector<flow::FunctionGraph*>& callees(const flow::FunctionGraph* g) const { return callees_.at(g); }

 private:
  std::vector<flow::FunctionGraph*> graphs_;
  std::map<const flow::FunctionGraph*, std::vector<flow::FunctionGraph*>> callees_;
  std::vector<std::vector<flow::FunctionGraph*>> sccs_;
  std::map<const flow::FunctionGraph*, size_t> scc_index_;
};

}  // namespace rpp::analyzers
