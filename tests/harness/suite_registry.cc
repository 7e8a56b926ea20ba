// Suites written in C++ rather than as files. Each later stage that needs one adds it here.
#include "tests/harness/lox_conformance.h"
#include "tests/harness/suites.h"

namespace rpp::harness {

std::vector<Suite> registered_suites(const HarnessEnv& env) {
  std::vector<Suite> suites;
  suites.push_back(lox_conformance_suite(env));
  return suites;
}

}  // namespace rpp::harness
