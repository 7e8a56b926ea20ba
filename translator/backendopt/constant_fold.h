// Constant folding of low-level graphs: an operation the table marks Fold (or TryFold, when its
// constant operands make it not raise) with constant operands is evaluated through runtime/ops.h
// (translator/ll/fold.h, never re-implemented, never libm) and replaced by its result; a block
// input argument that every entering link gives the same constant becomes that constant; a
// switch on a constant keeps only the exit it takes (the other blocks become unreachable).
#pragma once
#include <cstddef>

#include "translator/flow/model.h"

namespace rpp::backendopt {

// Returns how many operations were folded plus switches and arguments made constant.
size_t fold_constants(flow::FunctionGraph& graph);

}  // namespace rpp::backendopt
