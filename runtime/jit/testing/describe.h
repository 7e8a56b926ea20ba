// Describing values and dead frames as text that does not depend on addresses: references by
// their contents (a declared struct's fields, an array's items, a string's text), recursively to
// a depth, so two runs (two backends, two GCs) that computed the same thing print the same text.
// Used by `rpp jit-run`, the backend tests and the fuzzer.
#pragma once
#include <string>

#include "runtime/jit/backend/cpu.h"
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

std::string describe_value(Word value, ValueType type, const TraceNamespace& names, int depth = 3);

// "exit: OPNAME DESCR" then one line per exit value ("  i0 = 5"), then the pending exception if
// the exit saved one. `exit_name` names the exit (its descriptor's name, or where it is).
std::string describe_exit(const Cpu& cpu, const JitFrame* frame, const std::string& exit_name,
                          const TraceNamespace& names);

}  // namespace rpp::jit
