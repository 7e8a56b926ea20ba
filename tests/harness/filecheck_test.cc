// Unit tests of the FileCheck matcher: each directive passing and failing.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "tests/harness/filecheck.h"

using namespace rpp::harness;

namespace {

std::vector<CheckDirective> parse(const std::vector<std::string>& lines) {
  std::vector<CheckDirective> out;
  int n = 0;
  for (auto& l : lines) {
    CheckDirective d;
    REQUIRE(parse_check_directive(l, "", ++n, d));
    out.push_back(d);
  }
  return out;
}

const char* kInput =
    "block0(v0):\n"
    "  v1 = int_add(v0, 1)\n"
    "  v2 = int_mul(v1, v1)\n"
    "  return v2\n";

}  // namespace

TEST_CASE("check finds lines in order") {
  CHECK(run_filecheck(parse({"check: int_add", "check: return v2"}), kInput) == "");
  CHECK(run_filecheck(parse({"check: return", "check: int_add"}), kInput) != "");
}

TEST_CASE("nextln and sameln") {
  CHECK(run_filecheck(parse({"check: int_add", "nextln: int_mul"}), kInput) == "");
  CHECK(run_filecheck(parse({"check: int_add", "nextln: return"}), kInput) != "");
  CHECK(run_filecheck(parse({"check: v1 =", "sameln: (v0, 1)"}), kInput) == "");
  CHECK(run_filecheck(parse({"check: v1 =", "sameln: int_mul"}), kInput) != "");
}

TEST_CASE("not between matches and at the end") {
  CHECK(run_filecheck(parse({"check: block0", "not: int_sub", "check: return"}), kInput) == "");
  auto report = run_filecheck(parse({"check: block0", "not: int_mul", "check: return"}), kInput);
  CHECK(report.find("must not") != std::string::npos);
  CHECK(report.find("3:   v2 = int_mul") != std::string::npos);
  CHECK(run_filecheck(parse({"check: int_add", "not: int_add"}), kInput) == "");
  CHECK(run_filecheck(parse({"check: block0", "not: return"}), kInput) != "");
}

TEST_CASE("regular expressions in {{ }}") {
  CHECK(run_filecheck(parse({"check: v{{[0-9]+}} = int_add(v0, {{\\d}})"}), kInput) == "");
  CHECK(run_filecheck(parse({"check: v{{[a-z]+}} = int_add"}), kInput) != "");
  CHECK(run_filecheck(parse({"check: a.b"}), "axb\n") != "");  // `.` outside {{ }} is literal
}

TEST_CASE("directive prefixes") {
  CheckDirective d;
  CHECK(parse_check_directive("stderr-not: Traceback", "stderr-", 7, d));
  CHECK(d.kind == CheckKind::Not);
  CHECK(d.pattern == "Traceback");
  CHECK(d.source_line == 7);
  CHECK(!parse_check_directive("checks: x", "", 1, d));
}
