// Checks that a trace is well formed before it is interpreted, optimized or compiled: arities and
// argument types, result types against descriptors, variables defined before use (and after a
// label, only the label's arguments and later results), guards' fail arguments, the placement of
// guard_no_overflow / guard_not_forced, and a final jump or finish.
#pragma once
#include <string>

#include "runtime/jit/ir/trace.h"

namespace rpp::jit {

// An empty string when the trace is valid; otherwise what is wrong, naming the operation.
std::string verify_trace(const Trace& trace);

}  // namespace rpp::jit
