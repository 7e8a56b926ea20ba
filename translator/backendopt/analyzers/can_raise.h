// Can-raise analysis: may calling a graph (or executing an operation) end with an exception?
// A graph can raise when it has an explicit `raise` (a link into its except block from a block
// that does not end in a raising operation), or when one of its operations can raise: the
// operation table says so, or it calls a helper that can raise, a graph that can raise or an
// unknown function. As RPython's RaiseAnalyzer, an exception caught in the graph still counts.
#pragma once
#include "rtyper/lltype/operation_table.h"
#include "translator/backendopt/analyzers/boolean_domain.h"
#include "translator/backendopt/analyzers/graph_analysis.h"

namespace rpp::analyzers {

struct CanRaiseDomain : BooleanDomain {
  Result operation(const flow::Operation& op) const {
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    return !info || info->can_raise();
  }
  Result helper(const ll::HelperInfo& h) const { return h.can_raise(); }
  Result graph_local(const flow::FunctionGraph& g) const {
    for (flow::Block* b : g.iterblocks())
      if (!b->raises())
        for (auto& link : b->exits)
          if (link->target == g.exceptblock) return true;
    return false;
  }
};

using CanRaiseAnalysis = CallGraphAnalysis<CanRaiseDomain>;

}  // namespace rpp::analyzers
