// Unit tests of the JIT-readiness check on parsed LL graphs (no driver description: every
// operand of the merge point counts as a red).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "jit_codegen/readiness.h"
#include "rtyper/lltype/lltype.h"
#include "translator/ll/ll_parser.h"

using namespace rpp;
using namespace rpp::jit_codegen;

TEST_CASE("register kinds") {
  CHECK(register_kind(&lltype::Signed) == 'i');
  CHECK(register_kind(&lltype::Bool) == 'i');
  CHECK(register_kind(&lltype::Float) == 'f');
  CHECK(register_kind(&lltype::Void) == 'v');
  CHECK(register_kind(nullptr) == 0);
}

TEST_CASE("a live variable that is not listed and an unknown callee are reported where they are") {
  auto m = ll::parse_ll_module(R"LL(
graph @helper(Signed) -> Signed {
b0(x: Signed):
  goto return(x)
}
graph @portal(Signed, Signed) -> Signed {
b0(n: Signed, extra: Signed):
  goto b1(n, 0, extra)
b1(i: Signed, acc: Signed, e: Signed):
  jit_marker("jit_merge_point", none, i, acc) loc("interp.py":7:9)
  c: Bool = int_lt(i, 10)
  switch c { true -> b2(i, acc, e) false -> return(acc) }
b2(i2: Signed, acc2: Signed, e2: Signed):
  f: Ptr(Func(Signed) -> Signed) = same_as(@helper)
  r: Signed = indirect_call(f, i2, none) loc("interp.py":9:13)
  a: Signed = int_add(acc2, r)
  a2: Signed = int_add(a, e2)
  i3: Signed = int_add(i2, 1)
  goto b1(i3, a2, e2)
}
)LL", "t.ll");
  ReadinessReport report = check_jit_readiness(m->graph_list(), nullptr);
  REQUIRE(report.portals.size() == 1);
  CHECK(report.portals[0].reds.size() == 2);
  REQUIRE(report.problems.size() == 2);
  std::string text = format_problems(report.problems);
  CHECK(text.find("interp.py:7:9: error: 'e' (Signed) is live across the jit_merge_point") != std::string::npos);
  CHECK(text.find("interp.py:9:13: error: indirect_call in portal may call a function the toolchain cannot see") !=
        std::string::npos);
}

TEST_CASE("a merge point whose live variables are its operands is ready") {
  auto m = ll::parse_ll_module(R"LL(
graph @portal(Signed) -> Signed {
b0(n: Signed):
  goto b1(n, 0)
b1(i: Signed, acc: Signed):
  jit_marker("jit_merge_point", none, i, acc)
  c: Bool = int_lt(i, 10)
  switch c { true -> b2(i, acc) false -> return(acc) }
b2(i2: Signed, acc2: Signed):
  a: Signed = int_add(acc2, i2)
  i3: Signed = int_add(i2, 1)
  goto b1(i3, a)
}
)LL", "t.ll");
  ReadinessReport report = check_jit_readiness(m->graph_list(), nullptr);
  CHECK(report.problems.empty());
  CHECK(format_report(report).find("jit readiness: ok") != std::string::npos);
}
