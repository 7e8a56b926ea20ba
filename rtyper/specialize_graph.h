// Specializing one annotated flow graph into a low-level graph, in place (RPython's
// specialize_block and insert_link_conversions):
//   prepare_graph  removes what annotation proved dead — links into blocks never annotated,
//                  the other cases of a switch on a constant, the rest of a block after an
//                  operation that never returns (it ends with debug_fatalerror) — so that
//                  every remaining value has an annotation;
//   specialize_graph  gives every variable the low-level type of its repr, replaces each flow
//                  operation by its lowering (op_handlers.h), converts values along links (in a
//                  new block when a conversion needs operations), turns exception cases into
//                  vtable constants, and keeps the operation that can raise last in its block
//                  (what follows it moves to a block on the normal exit).
// A failure is a located UserError: the source line, the operation and the annotations.
#pragma once
#include "translator/flow/model.h"

namespace rpp::rtyper {

class RTyper;

void prepare_graph(RTyper& rtyper, flow::FunctionGraph& graph);
void specialize_graph(RTyper& rtyper, flow::FunctionGraph& graph);

// A zero of a low-level type (0, 0.0, false, null) as a constant value.
flow::ConstValue zero_value(const lltype::LowLevelType* type);

}  // namespace rpp::rtyper
