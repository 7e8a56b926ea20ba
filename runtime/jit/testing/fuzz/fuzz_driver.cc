// The backend fuzzer (see fuzz_driver.h).
#include "runtime/jit/testing/fuzz/fuzz_driver.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "runtime/jit/testing/fuzz/trace_generator.h"
#include "runtime/jit/testing/trace_file_runner.h"

namespace rpp::jit::fuzz {

namespace {

std::vector<std::string> run_on(const std::string& backend, const GeneratedCase& c) {
  TraceFileRun run;
  run.backend = backend;
  run.loop = "main";
  run.arg_sets = c.arg_sets;
  run.gc_stress = c.gc_stress;
  return run_trace_file(c.text, run).exits;
}

std::string args_text(const std::vector<std::string>& args) {
  std::string s;
  for (size_t i = 0; i < args.size(); ++i) s += (i ? "," : "") + args[i];
  return s;
}

}  // namespace

FuzzResult run_fuzz(uint64_t first_seed, uint64_t count) {
  FuzzResult result;
  for (uint64_t seed = first_seed; seed < first_seed + count; ++seed) {
    GeneratedCase c = generate_case(seed, result.histogram);
    ++result.cases;
    result.runs += c.arg_sets.size();
    std::string failure;
    try {
      auto reference = run_on("interp", c);
      auto x86 = run_on("x86", c);
      for (size_t i = 0; i < reference.size() && failure.empty(); ++i)
        if (reference[i] != x86[i])
          failure = "args " + args_text(c.arg_sets[i]) + "\nreference interpreter:\n" + reference[i] + "x86-64:\n" + x86[i];
    } catch (const std::exception& e) {
      failure = std::string("error: ") + e.what() + "\n";
    }
    if (failure.empty()) continue;
    ++result.failures;
    result.failing_seeds.push_back(seed);
    if (result.first_failure.empty())
      result.first_failure = "seed " + std::to_string(seed) + (c.gc_stress ? " (gc stress)" : "") + "\n" + c.text +
                             "----\n" + failure;
  }
  return result;
}

std::string format_histogram(const std::map<std::string, uint64_t>& histogram) {
  std::vector<std::pair<std::string, uint64_t>> rows(histogram.begin(), histogram.end());
  std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  uint64_t total = 0;
  for (auto& r : rows) total += r.second;
  std::string out = "operations generated: " + std::to_string(total) + "\n";
  char line[128];
  for (auto& [name, n] : rows) {
    std::snprintf(line, sizeof line, "  %-32s %10llu  %5.2f%%\n", name.c_str(), static_cast<unsigned long long>(n),
                  total ? 100.0 * double(n) / double(total) : 0.0);
    out += line;
  }
  return out;
}

}  // namespace rpp::jit::fuzz
