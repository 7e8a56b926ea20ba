// Dead code removal: operations without side effects whose results nobody needs (found by a
// liveness fixpoint over the whole graph, so values only carried around a loop die too), the
// block input arguments nobody needs (with the link arguments feeding them), switches whose
// exits all go to the same place, then empty blocks and single-entry chains (flow/simplify.h).
// Unreachable blocks disappear by themselves: a graph is the blocks reachable from its start.
#pragma once
#include <cstddef>

#include "translator/flow/model.h"

namespace rpp::backendopt {

// Returns how many operations and input arguments were removed.
size_t remove_dead_code(flow::FunctionGraph& graph);

// True when an operation may be removed if its result is not used: the table says it has no
// side effects and it cannot raise.
bool is_removable_operation(const flow::Operation& op);

}  // namespace rpp::backendopt
