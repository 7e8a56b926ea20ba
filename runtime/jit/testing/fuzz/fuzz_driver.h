// The backend fuzzer: generates random trace files (trace_generator.h), runs each on the reference
// interpreter and on the x86-64 backend, and compares how they exit (describe.h). Used with fixed
// seeds by `rpp test` (fuzz_test) and for long runs by hand (the jit_fuzz binary).
#pragma once
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace rpp::jit::fuzz {

struct FuzzResult {
  uint64_t cases = 0;
  uint64_t runs = 0;          // argument sets run (on each backend)
  uint64_t failures = 0;      // mismatches and errors
  std::string first_failure;  // the seed, the trace file and both outputs
  std::vector<uint64_t> failing_seeds;
  std::map<std::string, uint64_t> histogram;  // generated operations by name
};

FuzzResult run_fuzz(uint64_t first_seed, uint64_t count);

std::string format_histogram(const std::map<std::string, uint64_t>& histogram);

}  // namespace rpp::jit::fuzz
