// The backend fuzzer with fixed seeds, in `rpp test`: random traces (loops, bridges, calls,
// allocation, guards, forcing, GC) give the same exits on the x86-64 backend and the reference
// interpreter. Prints the operation histogram (run the binary to see it).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>

#include "runtime/jit/testing/fuzz/fuzz_driver.h"

using namespace rpp::jit::fuzz;

TEST_CASE("fuzz: 600 random traces from seed 1 agree on both backends") {
  FuzzResult r = run_fuzz(1, 600);
  std::fputs(format_histogram(r.histogram).c_str(), stdout);
  std::printf("%llu traces, %llu argument sets, %llu failures\n", static_cast<unsigned long long>(r.cases),
              static_cast<unsigned long long>(r.runs), static_cast<unsigned long long>(r.failures));
  CHECK_MESSAGE(r.failures == 0, r.first_failure);
}

TEST_CASE("fuzz: the generator covers the operation families") {
  FuzzResult r = run_fuzz(1000001, 50);
  for (const char* op : {"int_add", "int_floordiv", "int_mul_ovf", "float_mul", "guard_true", "guard_no_overflow",
                         "getfield_gc", "setarrayitem_gc", "new", "call", "cond_call", "label", "jump", "finish"})
    CHECK_MESSAGE(r.histogram[op] > 0, op);
  CHECK_MESSAGE(r.failures == 0, r.first_failure);
}
