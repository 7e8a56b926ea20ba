// int(s), int(s, base) and float(s) against CPython (parse_cases.inc, computed at build time):
// whitespace (Unicode too), signs, underscores, base prefixes, Unicode digits, inf/nan, errors
// with CPython's messages. A value beyond a machine word raises OverflowError.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "runtime/rlib/helpers.h"
#include "tests/runtime/expected_cases.h"
#include "tests/runtime/runtime_test_support.h"

namespace rpp::runtime_test {
#include "tests/runtime/parse_cases.inc"
}

using namespace rpp::runtime_test;

TEST_CASE("int(s, base) as CPython") {
  int n = 0;
  for (const IntParseCase& c : kIntParseCases) {
    int64_t v = rpp_helper_str_to_int(S(c.text), c.base);
    std::string error = take_exception();
    if (c.error) CHECK_MESSAGE(error == c.error, "int('" << std::string(c.text) << "', " << c.base << ")");
    else CHECK_MESSAGE((error.empty() && v == c.value), "int('" << std::string(c.text) << "', " << c.base << ") " << error);
    ++n;
  }
  CHECK(n > 300);
}

TEST_CASE("int(s) beyond a machine word raises OverflowError") {
  rpp_helper_str_to_int(S("9223372036854775808"), 10);
  CHECK(take_exception() == "OverflowError: int() literal too large for a machine word");
  rpp_helper_str_to_int(S("-0x8000000000000001"), 0);
  CHECK(take_exception().rfind("OverflowError", 0) == 0);
}

TEST_CASE("float(s) as CPython, bit for bit") {
  int n = 0;
  for (const FloatParseCase& c : kFloatParseCases) {
    double v = rpp_helper_str_to_float(S(c.text));
    std::string error = take_exception();
    if (c.error) {
      CHECK_MESSAGE(error == c.error, "float('" << std::string(c.text) << "')");
    } else {
      bool same = std::isnan(c.value) ? (std::isnan(v) && std::signbit(v) == std::signbit(c.value))
                                      : std::memcmp(&v, &c.value, sizeof v) == 0;
      CHECK_MESSAGE((error.empty() && same), "float('" << std::string(c.text) << "') " << error);
    }
    ++n;
  }
  CHECK(n > 600);
}

