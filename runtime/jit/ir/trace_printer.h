// The text form of a trace (RPython oparser style), for logs, tests and tools:
//
//   [i0, p1, f2]
//   label(i0, p1, f2, descr=loop)
//   i3 = int_add(i0, 1)
//   i4 = int_lt(i3, 100)
//   guard_true(i4, descr=g0) [i3, p1]
//   f5 = getfield_gc(p1, descr=node.x)
//   jump(i3, p1, f5, descr=loop)
//
// Variables are named by their type's letter (i int, p ref, f float) and a number counting every
// variable in order of definition. Constants print as integers, floats (always with '.', 'e',
// inf or nan), NULL, ConstPtr(NAME) / ConstClass(NAME) when the namespace names the address.
// Descriptors print by name; unnamed guard and finish descriptors are omitted.
#pragma once
#include <string>

#include "runtime/jit/ir/trace.h"
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

std::string print_trace(const Trace& trace, const TraceNamespace* names = nullptr);

// A float constant as the text form writes it (shortest round-trip, e.g. 1.5, -0.0, 1e+100, inf).
std::string format_float(double v);

}  // namespace rpp::jit
