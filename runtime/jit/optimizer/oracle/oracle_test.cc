// The optimizer's oracle with fixed seeds, in `rpp test`: random toy programs give the same final
// registers and heap whether run by their interpreter, by their unoptimized trace or by their
// optimized trace (resuming the interpreter from resume data at the failing guard).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "runtime/jit/optimizer/oracle/oracle.h"

#include <doctest/doctest.h>

#include <cstdio>

using namespace rpp::jit::oracle;

TEST_CASE("oracle: 4000 random programs, reference interpreter backend") {
  OracleResult r = run_oracle(1, 4000);
  std::printf("%s\n", r.summary().c_str());
  CHECK_MESSAGE(r.failures == 0, r.first_failure);
  // (Peeling doubles the body, so operations are not compared.)
  CHECK(r.allocs_after * 2 < r.allocs_before);
  CHECK(r.guards_after < r.guards_before);
  CHECK(r.materialized > 0);
  // Guards that fail get a bridge to the loop's start; some of them go to the peeled loop.
  CHECK(r.bridges > 0);
  CHECK(r.short_preambles > 0);
  CHECK(r.pending_writes > 0);
}

TEST_CASE("oracle: 150 random programs, optimized traces also on x86-64") {
  OracleOptions o;
  o.x86 = true;
  OracleResult r = run_oracle(500000, 150, o);
  std::printf("%s\n", r.summary().c_str());
  CHECK_MESSAGE(r.failures == 0, r.first_failure);
}
