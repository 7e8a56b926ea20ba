// Random trace files for the backend fuzzer: straight-line traces and loops, mostly short, one in
// twelve or so long (100-350 operations: register pressure and spills), (with a bridge now
// and then, and a second loop called by call_assembler), over integer and float arithmetic,
// overflow checks, comparisons and guards, fields, arrays, interior fields and strings of typed
// objects, allocation, calls to the test helpers (register and stack arguments, exceptions, GC
// collections that move objects, forcing), cond_call and call_assembler. Every generated trace is
// valid and memory-safe by construction: each reference has a static kind (which struct or array
// it is), array indexes are masked into bounds, loops count down a counter that every path back
// to the label decrements. Deterministic for a seed.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rpp::jit::fuzz {

struct GeneratedCase {
  std::string text;                                // a trace file (ir/trace_parser.h)
  std::vector<std::vector<std::string>> arg_sets;  // arguments for its first loop
  bool gc_stress = false;
};

// The operation histogram accumulates over calls.
GeneratedCase generate_case(uint64_t seed, std::map<std::string, uint64_t>& histogram);

}  // namespace rpp::jit::fuzz
