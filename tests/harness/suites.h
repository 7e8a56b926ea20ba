// The test suites of `rpp test`: the unit tests (doctest binaries built by Bazel), one suite per
// folder of tests/ (file tests), and suites written in C++ (registered in suite_registry.cc).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "tests/harness/outcome.h"

namespace rpp::harness {

struct TestCase {
  std::string name;                     // shown in reports and matched by FILTER
  std::function<TestOutcome()> run;
};

struct Suite {
  std::string name;
  std::vector<TestCase> cases;
  std::string setup_error;  // a suite that cannot run at all (counted as one failure)
};

// Suites written in C++ (for example a conformance runner over ../shared data).
std::vector<Suite> registered_suites(const HarnessEnv& env);

// Runs every suite whose tests match `filter`; prints each suite's result and time, then the line
// `N passed, N failed`. Returns 0 when nothing failed.
int run_all_suites(const std::string& rpp_home, const std::string& filter);

}  // namespace rpp::harness
