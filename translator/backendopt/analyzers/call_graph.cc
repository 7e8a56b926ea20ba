// Call targets and the SCCs of the call graph (call_graph.h), with Boost.Graph.
#include "translator/backendopt/analyzers/call_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <set>

#include "rtyper/lltype/operation_table.h"
#include "translator/ll/ll_constants.h"

namespace rpp::analyzers {

using flow::Constant;
using flow::FunctionGraph;

bool is_call(const flow::Operation& op) {
  const lltype::OperationInfo* info = lltype::find_operation(op.opname);
  return info && info->is_call();
}

namespace {

// The callee operand: a graph, a helper, or something unknown.
void add_callee(const flow::Value* callee, CallTargets& targets) {
  auto* c = dynamic_cast<const Constant*>(callee);
  if (!c) {
    targets.unknown = true;
    return;
  }
  if (FunctionGraph* g = ll::graph_of(c)) targets.graphs.push_back(g);
  else if (const ll::HelperInfo* h = ll::helper_of(c)) targets.helper = h;
  else targets.unknown = true;
}

}  // namespace

CallTargets call_targets(const flow::Operation& op) {
  CallTargets targets;
  if (!is_call(op) || op.args.empty()) return targets;
  if (op.opname == "indirect_call") {
    auto* set = ll::graph_set_of(dynamic_cast<const Constant*>(op.args.back()));
    if (set) targets.graphs = set->graphs();
    else targets.unknown = true;
  } else if (op.opname == "jit_conditional_call" || op.opname == "jit_conditional_call_value") {
    if (op.args.size() >= 2) add_callee(op.args[1], targets);
    else targets.unknown = true;
  } else {
    add_callee(op.args[0], targets);
  }
  return targets;
}

CallGraph::CallGraph(const std::vector<FunctionGraph*>& roots) {
  // Every reachable graph, in a deterministic order (roots first, then discovery).
  std::set<const FunctionGraph*> seen;
  std::vector<FunctionGraph*> work(roots.rbegin(), roots.rend());
  std::vector<FunctionGraph*> order;
  for (FunctionGraph* g : roots)
    if (seen.insert(g).second) order.push_back(g);
  for (size_t i = 0; i < order.size(); ++i) {
    FunctionGraph* g = order[i];
    std::vector<FunctionGraph*>& out = callees_[g];
    std::set<const FunctionGraph*> local;
    for (flow::Block* b : g->iterblocks())
      for (const flow::Operation& op : b->operations)
        for (FunctionGraph* callee : call_targets(op).graphs) {
          if (local.insert(callee).second) out.push_back(callee);
          if (seen.insert(callee).second) order.push_back(callee);
        }
  }
  graphs_ = order;

  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  std::map<const FunctionGraph*, size_t> index;
  for (size_t i = 0; i < graphs_.size(); ++i) index[graphs_[i]] = i;
  Graph calls(graphs_.size());
  for (size_t i = 0; i < graphs_.size(); ++i)
    for (FunctionGraph* callee : callees_[graphs_[i]]) boost::add_edge(i, index[callee], calls);

  std::vector<int> component(graphs_.size());
  int count = graphs_.empty() ? 0 : boost::strong_components(calls, component.data());
  Graph condensed(count);
  std::set<std::pair<int, int>> edges;
  for (size_t i = 0; i < graphs_.size(); ++i)
    for (FunctionGraph* callee : callees_[graphs_[i]]) {
      int from = component[i], to = component[index[callee]];
      if (from != to && edges.insert({from, to}).second) boost::add_edge(from, to, condensed);
    }
  // Boost writes a topological order reversed: every component after the ones it calls.
  std::vector<size_t> callee_first;
  boost::topological_sort(condensed, std::back_inserter(callee_first));
  std::vector<size_t> position(count);
  for (size_t k = 0; k < callee_first.size(); ++k) position[callee_first[k]] = k;
  sccs_.assign(count, {});
  for (size_t i = 0; i < graphs_.size(); ++i) {
    size_t k = position[component[i]];
    sccs_[k].push_back(graphs_[i]);
    scc_index_[graphs_[i]] = k;
  }
}

}  // namespace rpp::analyzers
