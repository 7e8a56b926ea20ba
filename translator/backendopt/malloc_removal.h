// Malloc removal (RPython's backendopt/malloc.py): escape analysis, then scalar replacement. A
// `malloc(<S>, "gc")` of a fixed-size GcStruct (an instance, a tuple) whose pointer never escapes
// the graph — it is only read and written through getfield/setfield, cast up and down its
// first-field chain, tested against null, kept alive, and passed along links to blocks that see
// only that object — becomes its fields as local variables: each block that holds the object
// takes the fields' values as input arguments instead, getfield reads the current value, setfield
// changes it, and the malloc is gone. A pointer that reaches the return or except block, a call,
// a store into another object, a switch, or meets another value at a join escapes.
#pragma once
#include <cstddef>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::backendopt {

// Removes the mallocs of `graph` that do not escape (one pass); returns how many.
size_t remove_mallocs(flow::FunctionGraph& graph);

// The direct calls that are the only escapes of some malloc of `graph`, as (block, operation
// index): inlining them may let the malloc go.
struct CallSite {
  flow::Block* block;
  size_t index;
};
std::vector<CallSite> calls_blocking_malloc_removal(flow::FunctionGraph& graph);

}  // namespace rpp::backendopt
