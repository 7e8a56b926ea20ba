// Stack-check insertion (RPython's insert_ll_stackcheck): graphs that may recurse — members of
// a cycle of the call graph, directly or through other graphs — start with `stack_check()`,
// which raises RecursionError when the machine stack is nearly exhausted (genc compares the
// stack pointer with rpp_globals.stack_limit; the ll interpreter counts its call depth). Runs
// before the exception transform, which then checks the exception state after it.
#pragma once
#include <vector>

#include "translator/flow/model.h"

namespace rpp::exceptiontransform {

// Inserts the checks; returns how many graphs got one.
size_t insert_stack_checks(const std::vector<flow::FunctionGraph*>& graphs);

}  // namespace rpp::exceptiontransform
