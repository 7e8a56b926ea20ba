// Block clean-up after the optimizations: links through empty pass-through blocks go straight to
// where those blocks lead, and a block ending in an unconditional link is joined with its target
// when that target has no other entry (so inlined and scalar-replaced code reads as one block).
#pragma once
#include "translator/flow/model.h"

namespace rpp::backendopt {

// Returns true when the graph changed.
bool join_blocks(flow::FunctionGraph& graph);

}  // namespace rpp::backendopt
