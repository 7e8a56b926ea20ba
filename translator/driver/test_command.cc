// `rpp test [FILTER]`: every suite, through the test harness (tests/harness).
#include <cstdio>
#include <cstring>

#include "tests/harness/suites.h"
#include "translator/driver/commands.h"

namespace rpp {

int test_command(const std::string& rpp_home, const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "-h" || args[0] == "--help")) {
    std::puts(
        "usage: rpp test [FILTER]\n\n"
        "Runs every suite: the unit tests (doctest binaries) and each folder of tests/ (file tests:\n"
        "a command, then checks on its output; see docs/testing.md). With FILTER, only the tests\n"
        "whose suite name or path contains it. Ends with the line `N passed, N failed`.");
    return 0;
  }
  std::string filter = args.empty() ? "" : args[0];
  return harness::run_all_suites(rpp_home, filter);
}

}  // namespace rpp
