// Clean-ups of a freshly flowed graph: SSI form, then removal of empty pass-through blocks and
// merging of single-entry chains, so that dumps show one block per straight-line piece of code.
#pragma once
#include "translator/flow/model.h"

namespace rpp::flow {

// Makes the graph SSI: a block using a Variable defined in another block (egg blocks reuse the
// variables of the block that forked, which dominates them) gets it as a new input argument,
// passed along every link into it, transitively back to the defining block.
void ssa_to_ssi(FunctionGraph& graph);

// Removes blocks without operations that only link onwards (not the start block), and joins a
// block ending in an unconditional link with its target when that target has no other entry.
// Works on any graph of the model, flowed or low-level (backendopt uses it after inlining).
// Returns true when the graph changed.
bool simplify_graph(FunctionGraph& graph);

}  // namespace rpp::flow
