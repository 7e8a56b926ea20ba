// Can-collect analysis: may a garbage collection happen during a call of a graph (or an
// operation)? From the operation table (malloc, gc_* ...), the helper table, and callees; an
// unknown function can collect. The GC transform saves roots only around operations that can.
#pragma once
#include "rtyper/lltype/operation_table.h"
#include "translator/backendopt/analyzers/boolean_domain.h"
#include "translator/backendopt/analyzers/graph_analysis.h"

namespace rpp::analyzers {

struct CanCollectDomain : BooleanDomain {
  Result operation(const flow::Operation& op) const {
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    return !info || info->can_collect();
  }
  Result helper(const ll::HelperInfo& h) const { return h.can_collect(); }
  Result graph_local(const flow::FunctionGraph&) const { return false; }
};

using CanCollectAnalysis = CallGraphAnalysis<CanCollectDomain>;

}  // namespace rpp::analyzers
