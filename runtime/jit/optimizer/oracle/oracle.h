// The optimizer's correctness oracle: random toy programs (toy_program.h) are traced; the trace
// runs unoptimized and optimized (on the reference interpreter, and optionally on x86-64), and
// when a guard fails the program's interpreter resumes from the guard's resume data
// (materializing virtuals). Every run must end with the same registers and the same heap as the
// program run by its interpreter alone.
#pragma once
#include <cstdint>
#include <string>

namespace rpp::jit::oracle {

struct OracleOptions {
  bool x86 = false;    // also run the optimized trace on the x86-64 backend
  bool print = false;  // print each case's program and traces
};

struct OracleResult {
  uint64_t cases = 0, failures = 0;
  uint64_t ops_before = 0, ops_after = 0, allocs_before = 0, allocs_after = 0, guards_before = 0, guards_after = 0;
  uint64_t resumes = 0, two_frame_resumes = 0, materialized = 0, pending_writes = 0;
  uint64_t bridges = 0, short_preambles = 0;  // bridges run; of those, jumping to the peeled loop
  std::string first_failure;
  std::string summary() const;
};

OracleResult run_oracle(uint64_t seed, uint64_t count, const OracleOptions& options = {});

}  // namespace rpp::jit::oracle
