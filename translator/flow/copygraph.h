// copygraph: a deep copy of a FunctionGraph (blocks, links, operations, variables and constants,
// with their annotations and concrete types), for stages that transform copies (the JIT's
// codewriter works on copies of the rtyped graphs; inlining copies callees).
#pragma once
#include <memory>

#include "translator/flow/model.h"

namespace rpp::flow {

// Copies the blocks reachable from the start block plus the return and except blocks. The copy
// has the same name, flags, location, function and argument names, and dumps identically.
std::unique_ptr<FunctionGraph> copygraph(const FunctionGraph& graph);

}  // namespace rpp::flow
