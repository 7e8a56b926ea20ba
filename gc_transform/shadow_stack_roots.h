// The GC transform's roots: around every operation that can collect (a malloc, a call of a
// graph or helper the can-collect analyzer says may collect), the GC pointers live across it are
// saved on the shadow stack: `gc_push_roots(a, b, ...)` before, `gc_pop_roots(a, b, ...)` after
// (the same variables, in the same order: C++ emission stores them into shadow-stack slots and
// reads them back into the same variables, which a moving GC may have updated). When the
// operation is the last of a raising block, the pop is on each exit, in a block inserted on the
// link. Liveness is per block (a variable lives in one block; links pass values explicitly):
// live after an operation = used by a later operation, the exit switch or an exit link.
#pragma once
#include <vector>

#include "translator/flow/model.h"

namespace rpp::gctransform {

struct RootStats {
  size_t saves = 0;        // operations wrapped in a push/pop pair
  size_t roots_saved = 0;  // variables pushed, summed over those operations
};

RootStats insert_shadow_stack_roots(const std::vector<flow::FunctionGraph*>& graphs);

// The GC pointers of `block` live right after its operation `index` and defined before it (its
// input arguments or earlier results), in order of definition. Exposed for tests.
std::vector<flow::Variable*> gc_pointers_live_across(const flow::Block& block, size_t index);

}  // namespace rpp::gctransform
