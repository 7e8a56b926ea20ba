// jit_fuzz: the backend fuzzer by hand. `jit_fuzz [--seed=S] [--count=N]` runs N random traces
// from seed S on both backends, prints the operation histogram and the first mismatch (if any),
// and exits 1 when one was found. With --each, every trace runs alone (the seed is printed first,
// so a crash names its seed).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/jit/testing/fuzz/fuzz_driver.h"
#include "runtime/jit/testing/fuzz/trace_generator.h"

int main(int argc, char** argv) {
  uint64_t seed = 1, count = 1000;
  bool each = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--seed=", 7) == 0) seed = std::stoull(argv[i] + 7);
    else if (std::strncmp(argv[i], "--count=", 8) == 0) count = std::stoull(argv[i] + 8);
    else if (std::strcmp(argv[i], "--each") == 0) each = true;
    else if (std::strcmp(argv[i], "--print") == 0) {
      // The trace file of the first seed, with its argument sets as jit-run options in comments.
      std::map<std::string, uint64_t> histogram;
      auto c = rpp::jit::fuzz::generate_case(seed, histogram);
      for (auto& args : c.arg_sets) {
        std::string a;
        for (size_t k = 0; k < args.size(); ++k) a += (k ? "," : "") + args[k];
        std::printf("; args: --loop=main --args=%s%s\n", a.c_str(), c.gc_stress ? " --gc-stress" : "");
      }
      std::fputs(c.text.c_str(), stdout);
      return 0;
    }
    else {
      std::fprintf(stderr, "usage: jit_fuzz [--seed=S] [--count=N] [--each] [--print]\n");
      return 2;
    }
  }
  auto start = std::chrono::steady_clock::now();
  // In chunks, to show progress on long runs.
  rpp::jit::fuzz::FuzzResult total;
  const uint64_t chunk = each ? 1 : 1000;
  for (uint64_t done = 0; done < count; done += chunk) {
    uint64_t n = std::min(chunk, count - done);
    if (each) std::fprintf(stderr, "seed %llu\n", static_cast<unsigned long long>(seed + done));
    auto r = rpp::jit::fuzz::run_fuzz(seed + done, n);
    total.cases += r.cases;
    total.runs += r.runs;
    total.failures += r.failures;
    for (auto& [k, v] : r.histogram) total.histogram[k] += v;
    if (total.first_failure.empty()) total.first_failure = r.first_failure;
    total.failing_seeds.insert(total.failing_seeds.end(), r.failing_seeds.begin(), r.failing_seeds.end());
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!each || (done + 1) % 1000 == 0)
      std::fprintf(stderr, "jit_fuzz: %llu traces, %llu failures, %.1f s\n", static_cast<unsigned long long>(total.cases),
                 static_cast<unsigned long long>(total.failures), secs);
  }
  std::fputs(rpp::jit::fuzz::format_histogram(total.histogram).c_str(), stdout);
  std::printf("seeds %llu..%llu: %llu traces, %llu argument sets, %llu failures\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed + count - 1),
              static_cast<unsigned long long>(total.cases), static_cast<unsigned long long>(total.runs),
              static_cast<unsigned long long>(total.failures));
  if (total.failures) {
    std::printf("failing seeds:");
    for (uint64_t s : total.failing_seeds) std::printf(" %llu", static_cast<unsigned long long>(s));
    std::printf("\nfirst failure:\n%s", total.first_failure.c_str());
    return 1;
  }
  return 0;
}
