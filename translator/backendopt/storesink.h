// Repeated field reads removed (RPython's storesink): along a chain of blocks where each block
// after the first has that one predecessor, a `getfield(x, "f")` after an earlier
// `getfield(x, "f")` or `setfield(x, "f", v)` of the same variable, with nothing in between
// that may write that field, becomes a `same_as` of the value known (constant folding then
// replaces it by its operand). What may write it: a setfield of the same field name (any
// object: they may be the same), a call whose effects (the effects analysis) may write it or are
// unknown, and any other operation with side effects except mallocs and stores into the items
// of arrays of non-structs (which no getfield reads). C++ cannot do this
// itself: under -fno-strict-aliasing any store may change any field it has read.
#pragma once
#include <cstddef>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::backendopt {

// Returns how many reads were replaced, over every graph.
size_t sink_stores(const std::vector<flow::FunctionGraph*>& graphs);

}  // namespace rpp::backendopt
