// Unit tests of runtime/ops.h: Python's integer and float semantics, edge cases included.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "runtime/ops.h"

using namespace rpp::ops;

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

static bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST_CASE("int floor division and modulo are Python's") {
  CHECK(int_floordiv(7, 2) == 3);
  CHECK(int_floordiv(-7, 2) == -4);
  CHECK(int_floordiv(7, -2) == -4);
  CHECK(int_floordiv(-7, -2) == 3);
  CHECK(int_floordiv(-8, 2) == -4);
  CHECK(int_mod(7, 2) == 1);
  CHECK(int_mod(-7, 2) == 1);
  CHECK(int_mod(7, -2) == -1);
  CHECK(int_mod(-7, -2) == -1);
  CHECK(int_mod(-8, 2) == 0);
  CHECK(int_mod(kMin, 3) == 1);           // -9223372036854775808 % 3 == 1 in Python
  CHECK(int_floordiv(kMin, 3) == -3074457345618258603);
  CHECK(int_mod(kMax, -2) == -1);
}

TEST_CASE("INT_MIN // -1 and division by zero are defined") {
  CHECK(int_floordiv(kMin, -1) == kMin);  // wraps
  CHECK(int_mod(kMin, -1) == 0);
  CHECK(int_floordiv(5, 0) == 0);
  CHECK(int_mod(5, 0) == 0);
  CHECK(int_floordiv_ovf(kMin, -1).error == OpError::Overflow);
  CHECK(int_floordiv_ovf(kMin, 1) == ok(kMin));
  CHECK(int_mod_ovf(kMin, -1) == ok(int64_t(0)));
  CHECK(int_floordiv_zer(1, 0).error == OpError::ZeroDivision);
  CHECK(int_mod_zer(1, 0).error == OpError::ZeroDivision);
  CHECK(int_floordiv_zer(-7, 2) == ok(int64_t(-4)));
  CHECK(int_floordiv_ovf_zer(kMin, -1).error == OpError::Overflow);
  CHECK(int_floordiv_ovf_zer(kMin, 0).error == OpError::ZeroDivision);
  CHECK(int_mod_ovf_zer(-7, 0).error == OpError::ZeroDivision);
  CHECK(uint_floordiv(5, 0) == 0);
  CHECK(uint_mod_zer(5, 0).error == OpError::ZeroDivision);
  CHECK(llong_floordiv_zer(-7, 2) == ok(-4LL));
  CHECK(ullong_mod_zer(7, 0).error == OpError::ZeroDivision);
}

TEST_CASE("wrapping arithmetic and overflow checks") {
  CHECK(int_add(kMax, 1) == kMin);
  CHECK(int_sub(kMin, 1) == kMax);
  CHECK(int_mul(kMax, 2) == -2);
  CHECK(int_neg(kMin) == kMin);
  CHECK(int_abs(kMin) == kMin);
  CHECK(int_abs(-5) == 5);
  CHECK(int_invert(0) == -1);
  CHECK(int_add_ovf(kMax, 1).error == OpError::Overflow);
  CHECK(int_add_ovf(kMax, -1) == ok(kMax - 1));
  CHECK(int_add_nonneg_ovf(kMax - 2, 2) == ok(kMax));
  CHECK(int_sub_ovf(kMin, 1).error == OpError::Overflow);
  CHECK(int_mul_ovf(int64_t(1) << 32, int64_t(1) << 30) == ok(int64_t(1) << 62));
  CHECK(int_mul_ovf(int64_t(1) << 32, int64_t(1) << 31).error == OpError::Overflow);
  CHECK(int_mul_ovf(-(int64_t(1) << 32), int64_t(1) << 31) == ok(kMin));
  CHECK(int_mul_ovf(int64_t(1) << 32, int64_t(1) << 32).error == OpError::Overflow);
  CHECK(int_mul_ovf(-1, kMin).error == OpError::Overflow);
  CHECK(int_neg_ovf(kMin).error == OpError::Overflow);
  CHECK(int_neg_ovf(kMax) == ok(-kMax));
  CHECK(int_abs_ovf(kMin).error == OpError::Overflow);
  CHECK(int_abs_ovf(-3) == ok(int64_t(3)));
}

TEST_CASE("shifts by 64 or more, or by a negative count, are defined") {
  CHECK(int_lshift(1, 63) == kMin);
  CHECK(int_lshift(1, 64) == 0);
  CHECK(int_lshift(1, 1000) == 0);
  CHECK(int_lshift(1, -1) == 0);
  CHECK(int_rshift(-8, 1) == -4);
  CHECK(int_rshift(-1, 64) == -1);
  CHECK(int_rshift(5, 64) == 0);
  CHECK(int_rshift(-5, -3) == -1);
  CHECK(uint_rshift(~uint64_t(0), 63) == 1);
  CHECK(uint_rshift(~uint64_t(0), 64) == 0);
  CHECK(uint_lshift(1, 64) == 0);
  CHECK(llong_rshift(-1LL, 200) == -1LL);
  CHECK(ullong_lshift(1ULL, 70) == 0ULL);
  CHECK(int_lshift_ovf(1, 62) == ok(int64_t(1) << 62));
  CHECK(int_lshift_ovf(1, 63).error == OpError::Overflow);
  CHECK(int_lshift_ovf(-1, 63) == ok(kMin));
  CHECK(int_lshift_ovf(0, 100) == ok(int64_t(0)));
  CHECK(int_lshift_ovf(3, 64).error == OpError::Overflow);
  CHECK(int_lshift_ovf(3, -1).error == OpError::Value);
}

TEST_CASE("int true division is correctly rounded") {
  CHECK(int_truediv(1, 2) == 0.5);
  CHECK(int_truediv(-7, 2) == -3.5);
  CHECK(int_truediv(10, 3) == 10.0 / 3.0);
  // 2**53 + 1 is not a double: Python gives 9007199254740992.0 for (2**53+1)/1, and
  // (2**62+1)/2**9 rounds the exact quotient, not the rounded dividend.
  CHECK(int_truediv((int64_t(1) << 53) + 1, 1) == 9007199254740992.0);
  CHECK(int_truediv((int64_t(1) << 53) + 3, 1) == 9007199254740996.0);  // ties to even
  CHECK(int_truediv(kMax, 1) == 9223372036854775808.0);
  CHECK(int_truediv(kMin, -1) == 9223372036854775808.0);
  // Python: (2**62 + 2**9 + 1) / 2**10 == 4503599627370496.5 rounded: 4503599627370497.0
  CHECK(int_truediv((int64_t(1) << 62) + (1 << 9) + 1, 1 << 10) == 4503599627370497.0);
  // a double-rounding trap: 2**63-1 // 3 exactly; Python prints 3.0744573456182584e+18
  CHECK(int_truediv(kMax, 3) == 3.0744573456182584e+18);
  CHECK(same_bits(int_truediv(0, -5), -0.0));
  CHECK(int_truediv_zer(1, 0).error == OpError::ZeroDivision);
  CHECK(std::isinf(int_truediv(1, 0)));
}

TEST_CASE("float floor division and modulo are Python's") {
  CHECK(float_mod(7.0, 2.0) == 1.0);
  CHECK(float_mod(-7.0, 2.0) == 1.0);
  CHECK(float_mod(7.0, -2.0) == -1.0);
  CHECK(same_bits(float_mod(-4.0, 2.0), 0.0));
  CHECK(same_bits(float_mod(4.0, -2.0), -0.0));
  CHECK(float_mod(-1e-100, 1.0) == 1.0);    // Python: -1e-100 % 1.0 == 1.0
  CHECK(float_floordiv(7.0, 2.0) == 3.0);
  CHECK(float_floordiv(-7.0, 2.0) == -4.0);
  CHECK(float_floordiv(7.5, -2.0) == -4.0);
  CHECK(same_bits(float_floordiv(0.0, -3.0), -0.0));
  CHECK(same_bits(float_floordiv(-0.5, 3.0), -1.0));
  CHECK(float_floordiv(1.0, 0.1) == 9.0);   // Python: 1.0 // 0.1 == 9.0
  CHECK(std::isnan(float_floordiv(1.0, 0.0)));
  CHECK(std::isnan(float_mod(1.0, 0.0)));
  CHECK(float_mod_zer(1.0, 0.0).error == OpError::ZeroDivision);
  CHECK(float_floordiv_zer(1.0, -0.0).error == OpError::ZeroDivision);
  CHECK(float_truediv_zer(1.0, 0.0).error == OpError::ZeroDivision);
  CHECK(float_truediv_zer(1.0, 4.0) == ok(0.25));
  CHECK(std::isinf(float_truediv(1.0, 0.0)));
  CHECK(same_bits(float_abs(-0.0), 0.0));
  CHECK(!float_is_true(-0.0));
  CHECK(float_is_true(std::nan("")));
}

TEST_CASE("int/float comparisons are exact") {
  const double two53 = 9007199254740992.0;
  const int64_t two53i = int64_t(1) << 53;
  CHECK(!int_float_eq(two53i + 1, two53));   // 2**53+1 == float(2**53) is False
  CHECK(int_float_ne(two53i + 1, two53));
  CHECK(int_float_gt(two53i + 1, two53));
  CHECK(int_float_eq(two53i, two53));
  CHECK(int_float_lt(kMax, 9223372036854775808.0));
  CHECK(int_float_ge(kMin, -9223372036854775808.0));
  CHECK(int_float_eq(kMin, -9223372036854775808.0));
  CHECK(int_float_gt(kMin, -1e300));
  CHECK(int_float_lt(3, 3.5));
  CHECK(int_float_gt(-3, -3.5));
  CHECK(int_float_le(-3, -2.5));
  CHECK(int_float_lt(0, INFINITY));
  CHECK(int_float_gt(kMin, -INFINITY));
  double nan = std::nan("");
  CHECK(!int_float_lt(1, nan));
  CHECK(!int_float_le(1, nan));
  CHECK(!int_float_eq(1, nan));
  CHECK(int_float_ne(1, nan));
  CHECK(!int_float_ge(1, nan));
  CHECK(!int_float_gt(1, nan));
}

TEST_CASE("casts never have undefined behaviour") {
  CHECK(cast_float_to_int(3.9) == 3);
  CHECK(cast_float_to_int(-3.9) == -3);
  CHECK(cast_float_to_int(std::nan("")) == 0);
  CHECK(cast_float_to_int(1e300) == kMax);
  CHECK(cast_float_to_int(-1e300) == kMin);
  CHECK(cast_float_to_int(-9223372036854775808.0) == kMin);
  CHECK(cast_float_to_int_ovf(9223372036854775808.0).error == OpError::Overflow);
  CHECK(cast_float_to_int_ovf(INFINITY).error == OpError::Overflow);
  CHECK(cast_float_to_int_ovf(std::nan("")).error == OpError::Value);
  CHECK(cast_float_to_int_ovf(-2.5) == ok(int64_t(-2)));
  CHECK(cast_float_to_uint(-1.0) == ~uint64_t(0));
  CHECK(cast_float_to_uint(1e30) == ~uint64_t(0));
  CHECK(cast_float_to_uint(std::nan("")) == 0);
  CHECK(cast_int_to_char(0x141) == 0x41);
  CHECK(cast_int_to_char(-1) == 0xFF);
  CHECK(cast_char_to_int(0xE9) == 0xE9);
  CHECK(cast_int_to_unichar(0x1F600) == U'\U0001F600');
  CHECK(cast_int_to_float((int64_t(1) << 53) + 1) == 9007199254740992.0);
  CHECK(cast_uint_to_int(~uint64_t(0)) == -1);
  CHECK(convert_float_bytes_to_longlong(1.0) == 0x3FF0000000000000LL);
  CHECK(convert_longlong_bytes_to_float(0x3FF0000000000000LL) == 1.0);
  CHECK(cast_bool_to_float(true) == 1.0);
}

TEST_CASE("comparisons and unsigned/char operations") {
  CHECK(uint_lt(1, ~uint64_t(0)));
  CHECK(uint_sub(0, 1) == ~uint64_t(0));
  CHECK(char_lt('a', 0xE9));
  CHECK(unichar_gt(U'\u20ac', U'a'));
  CHECK(int_between(0, 0, 1));
  CHECK(!int_between(0, 1, 1));
  CHECK(int_force_ge_zero(-5) == 0);
  CHECK(int_force_ge_zero(5) == 5);
  CHECK(bool_not(false));
}

TEST_CASE("memory, addresses and the exception state") {
  int64_t words[3] = {1, 2, 3};
  CHECK(load<int64_t>(words, 8) == 2);
  store<int64_t>(words, 16, 42);
  CHECK(words[2] == 42);
  char buffer[8] = "abcdefg";
  raw_memcopy(buffer, buffer + 1, 3);
  CHECK(std::string(buffer) == "aabcefg");
  raw_memclear(buffer, 2);
  CHECK(buffer[1] == 0);
  CHECK(adr_delta(buffer + 5, buffer) == 5);
  CHECK(adr_add(buffer, 3) == buffer + 3);
  CHECK(ptr_iszero(nullptr));
  CHECK(!exc_occurred());
  int dummy_type = 0, dummy_value = 0;
  exc_restore(&dummy_type, &dummy_value);
  CHECK(exc_occurred());
  CHECK(exc_fetch_value() == &dummy_value);
  exc_clear();
  CHECK(!exc_occurred());
}
