// Suites written in C++ rather than as files. Each later stage that needs one adds it here.
#include "tests/harness/ll_differential.h"
#include "tests/harness/lox_conformance.h"
#include "tests/harness/suites.h"

namespace rpp::harness {

std::vector<Suite> registered_suites(const HarnessEnv& env) {
  std::vector<Suite> suites;
  suites.push_back(lox_conformance_suite(env));
  suites.push_back(ll_differential_suite(env));
  suites.push_back(e2e_differential_suite(env));
  return suites;
}

}  // namespace rpp::harness
