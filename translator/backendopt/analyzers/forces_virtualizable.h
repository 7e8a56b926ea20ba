// Forces-virtualizable analysis: may a call of a graph force a virtualizable or a virtual
// (jit_force_virtualizable, jit_force_virtual)? The JIT turns calls that may into
// call_may_force + guard_not_forced. Helpers never do; unknown functions may.
#pragma once
#include "translator/backendopt/analyzers/boolean_domain.h"
#include "translator/backendopt/analyzers/graph_analysis.h"

namespace rpp::analyzers {

struct ForcesVirtualizableDomain : BooleanDomain {
  Result operation(const flow::Operation& op) const {
    return op.opname == "jit_force_virtualizable" || op.opname == "jit_force_virtual";
  }
  Result helper(const ll::HelperInfo&) const { return false; }
  Result graph_local(const flow::FunctionGraph&) const { return false; }
};

using ForcesVirtualizableAnalysis = CallGraphAnalysis<ForcesVirtualizableDomain>;

}  // namespace rpp::analyzers
