// What running one test gives, and what every test needs to know about where it runs.
#pragma once
#include <string>

namespace rpp::harness {

struct TestOutcome {
  int passed = 0;
  int failed = 0;
  std::string report;  // why it failed (empty when it passed)
};

struct HarnessEnv {
  std::string rpp_home;     // the repository root
  std::string rpp_binary;   // this rpp executable
  std::string shared_dir;   // ../shared beside the repository
  std::string python3;      // the reference CPython for same-as: python3
};

}  // namespace rpp::harness
