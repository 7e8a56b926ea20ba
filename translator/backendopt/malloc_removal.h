// Malloc removal (RPython's backendopt/malloc.py): escape analysis, then scalar replacement.
// A lifetime is the set of variables that may hold the objects of some mallocs of one type — a
// fixed-size GcStruct (an instance, a tuple) or a GcArray of at most 8 items made with a constant
// length (a small fixed list) — connected through links in both directions and through casts.
// When no variable of the lifetime escapes — the objects are only read and written through
// getfield/setfield (getarrayitem/setarrayitem at constant indexes, getarraysize), cast along
// their first-field chain, tested against null and kept alive — every object becomes its parts
// as local variables: blocks receiving an object take its parts as input arguments instead,
// reads take the current part, writes replace it, and the mallocs are gone. A pointer that
// reaches the return or except block, a call, a store into another object, a switch, a graph
// parameter or a null constant at a join escapes; a block receiving objects in several
// arguments must receive the same object in all of them.
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
