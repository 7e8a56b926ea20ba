// Formatting against CPython: float repr over thousands of values (shortest round trip), `%`
// conversions and format() specs over ints, floats and strs, with CPython's error messages
// (format_cases.inc and float_repr_cases.inc, computed at build time).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "runtime/rlib/helpers.h"
#include "tests/runtime/expected_cases.h"
#include "tests/runtime/runtime_test_support.h"

namespace rpp::runtime_test {
#include "tests/runtime/float_repr_cases.inc"
#include "tests/runtime/format_cases.inc"
}

using namespace rpp::runtime_test;

TEST_CASE("float repr is CPython's shortest round trip") {
  int n = 0;
  for (const FloatReprCase& c : kFloatReprCases) {
    CHECK_MESSAGE(U(rpp_helper_float_to_str(c.value)) == c.repr, c.repr);
    ++n;
  }
  CHECK(n > 2500);
  CHECK(U(rpp_helper_float_to_str(1e16)) == "1e+16");
  CHECK(U(rpp_helper_float_to_str(1e-5)) == "1e-05");
  CHECK(U(rpp_helper_float_to_str(-0.0)) == "-0.0");
  CHECK(U(rpp_helper_float_to_str(7.0)) == "7.0");
  CHECK(U(rpp_helper_float_to_str(INFINITY)) == "inf");
  CHECK(U(rpp_helper_float_to_str(-INFINITY)) == "-inf");
  CHECK(U(rpp_helper_float_to_str(NAN)) == "nan");
}

TEST_CASE("% conversions and format specs are CPython's") {
  int n = 0;
  for (const FormatCase& c : kFormatCases) {
    void* spec = S(c.spec);
    void* result = c.kind == 'i'   ? rpp_helper_format_int(c.i, spec)
                   : c.kind == 'f' ? rpp_helper_format_float(c.f, spec)
                                   : rpp_helper_format_str(S(c.s), spec);
    std::string got = result ? U(result) : take_exception();
    if (got != c.expected)
      std::fprintf(stderr, "MISMATCH kind %c spec [%s] value %s: got [%s] expected [%s]\n", c.kind, c.spec,
                   c.kind == 'i' ? std::to_string(c.i).c_str() : c.kind == 'f' ? std::to_string(c.f).c_str() : c.s,
                   got.c_str(), c.expected);
    CHECK(got == std::string(c.expected));
    ++n;
  }
  CHECK(n > 6000);
}

TEST_CASE("%c of a one-char str") {
  CHECK(U(rpp_helper_format_str(S("\u20ac"), S("%-3c"))) == "\u20ac  ");
  CHECK(U(rpp_helper_format_str(S("x"), S("%3c"))) == "  x");
  CHECK(rpp_helper_format_str(S("xy"), S("%c")) == nullptr);
  CHECK(take_exception() == "TypeError: %c requires int or char");
  CHECK(U(rpp_helper_format_int(0x20ac, S("%c"))) == "\u20ac");
}

TEST_CASE("int to str") {
  CHECK(U(rpp_helper_int_to_str(0)) == "0");
  CHECK(U(rpp_helper_int_to_str(-7)) == "-7");
  CHECK(U(rpp_helper_int_to_str(INT64_MIN)) == "-9223372036854775808");
  CHECK(U(rpp_helper_int_to_str(INT64_MAX)) == "9223372036854775807");
  CHECK(rpp_helper_int_to_str(5) == rpp_helper_int_to_str(5));  // one-digit strings are prebuilt
}

