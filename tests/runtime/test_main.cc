// The main of the runtime's unit test binaries: installs the GC the binary links and the test
// types (runtime_test_support.h), then runs the doctest cases. The AddressSanitizer build
// (RPP_TEST_BIG_SEMISPACE) gives the moving checker GC spaces big enough that only the stress
// tests collect (the other tests keep unrooted references in locals).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/runtime/runtime_test_support.h"

int main(int argc, char** argv) {
#ifdef RPP_TEST_BIG_SEMISPACE
  setenv("RPP_SEMISPACE_BYTES", "1073741824", 0);
#endif
  rpp::runtime_test::init_runtime();
  doctest::Context context(argc, argv);
  return context.run();
}
