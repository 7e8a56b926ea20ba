// The fixpoint every call-graph analyzer shares (RPython's graphanalyze, over SCCs): the summary
// of a graph is the join of what its operations do and of the summaries of everything they may
// call; unknown callees give the domain's top. SCCs are solved callee-first; inside an SCC the
// members' summaries are iterated from bottom until none changes, so recursion and mutual
// recursion converge.
//
// A Domain provides:
//   using Result = ...;                     // equality-comparable
//   Result bottom() const;                  // nothing
//   Result top() const;                     // anything (an unknown function)
//   bool join(Result& into, const Result& other) const;   // into |= other; true if it changed
//   Result operation(const flow::Operation&) const;       // a non-call operation
//   Result helper(const ll::HelperInfo&) const;           // a call of a runtime helper
//   Result graph_local(const flow::FunctionGraph&) const; // facts not tied to one operation
#pragma once
#include <map>

#include "translator/backendopt/analyzers/call_graph.h"

namespace rpp::analyzers {

template <class Domain>
class CallGraphAnalysis {
 public:
  using Result = typename Domain::Result;

  CallGraphAnalysis(const CallGraph& calls, Domain domain = {}) : calls_(calls), domain_(std::move(domain)) {
    for (const auto& scc : calls_.sccs()) solve(scc);
  }

  // The summary of a graph of the call graph.
  const Result& summary(const flow::FunctionGraph* g) const { return summaries_.at(g); }

  // What one operation may do (for a call: its possible callees' summaries).
  Result operation(const flow::Operation& op) const {
    if (!is_call(op)) return domain_.operation(op);
    Result r = domain_.bottom();
    CallTargets targets = call_targets(op);
    if (targets.unknown) domain_.join(r, domain_.top());
    if (targets.helper) domain_.join(r, domain_.helper(*targets.helper));
    for (flow::FunctionGraph* g : targets.graphs) domain_.join(r, summary(g));
    return r;
  }

  const Domain& domain() const { return domain_; }

 private:
  void solve(const std::vector<flow::FunctionGraph*>& scc) {
    for (flow::FunctionGraph* g : scc) summaries_[g] = domain_.bottom();
    bool changed = true;
    while (changed) {
      changed = false;
      for (flow::FunctionGraph* g : scc) {
        Result r = domain_.graph_local(*g);
        for (flow::Block* b : g->iterblocks())
          for (const flow::Operation& op : b->operations) domain_.join(r, operation(op));
        if (domain_.join(summaries_[g], r)) changed = true;
      }
    }
  }

  const CallGraph& calls_;
  Domain domain_;
  std::map<const flow::FunctionGraph*, Result> summaries_;
};

}  // namespace rpp::analyzers
