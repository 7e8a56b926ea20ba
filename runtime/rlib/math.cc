// Float and math helpers with CPython's error rules: ValueError("math domain error") when a
// finite argument gives nan, OverflowError("math range error") when it gives inf; `**` on
// floats as float_pow; round() halves to even; floor/ceil/round to int raise as int(x) does.
// Never constant-folded (libm results may differ between machines).
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"

using rpp::rlib::raise_builtin;
namespace layout = rpp::layout;

namespace {

double domain_error() {
  raise_builtin(layout::kExcValueError, std::string_view("math domain error"));
  return -1.0;
}
double range_error() {
  raise_builtin(layout::kExcOverflowError, std::string_view("math range error"));
  return -1.0;
}

// CPython's math_1: a nan from a non-nan argument is a domain error; an inf from a finite
// argument is a range error when the function can overflow, else a domain error.
double checked_1(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return r;
}

double checked_2(double x, double y, double r) {
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return range_error();
  return r;
}

int64_t to_int(double r) {
  if (std::isnan(r)) {
    raise_builtin(layout::kExcValueError, std::string_view("cannot convert float NaN to integer"));
    return -1;
  }
  if (std::isinf(r)) {
    raise_builtin(layout::kExcOverflowError, std::string_view("cannot convert float infinity to integer"));
    return -1;
  }
  if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) {
    raise_builtin(layout::kExcOverflowError, std::string_view("int too large for a machine word"));
    return -1;
  }
  return int64_t(r);
}

}  // namespace

extern "C" {

double rpp_helper_float_pow(double x, double y) {
  if (y == 0) return 1.0;
  if (std::isnan(x) || std::isnan(y)) return x == 1.0 ? 1.0 : NAN;
  if (x == 0 && y < 0 && std::isfinite(y)) {
    raise_builtin(layout::kExcZeroDivisionError, std::string_view("0.0 cannot be raised to a negative power"));
    return -1.0;
  }
  if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) {
    // CPython returns a complex number here; RPython's float ** float raises.
    raise_builtin(layout::kExcValueError, std::string_view("negative number cannot be raised to a fractional power"));
    return -1.0;
  }
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
    raise_builtin(layout::kExcOverflowError, std::string_view("(34, 'Numerical result out of range')"));
    return -1.0;
  }
  return r;
}

double rpp_helper_math_sqrt(double x) { return checked_1(x, std::sqrt(x), false); }
int64_t rpp_helper_math_floor(double x) { return to_int(std::floor(x)); }
int64_t rpp_helper_math_ceil(double x) { return to_int(std::ceil(x)); }

double rpp_helper_math_fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return x;
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return r;
}

int64_t rpp_helper_float_round(double x) { return to_int(std::nearbyint(x)); }  // ties to even

double rpp_helper_float_round_digits(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (ndigits > 320) return x;
  if (ndigits < -320) return std::copysign(0.0, x);
  // Correctly rounded as CPython: through the decimal string of x rounded to ndigits places.
  char buf[512];
  if (ndigits >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", int(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  double scale = std::pow(10.0, double(-ndigits));
  double y = x / scale;
  double z = std::nearbyint(y);
  if (std::fabs(y - z) == 0.5) z = 2.0 * std::nearbyint(y / 2.0);
  double r = z * scale;
  if (std::isinf(r)) return range_error();
  return r == 0 ? std::copysign(0.0, x) : r;
}

int64_t rpp_helper_int_pow(int64_t base, int64_t exponent) {
  uint64_t result = 1, b = uint64_t(base);
  while (exponent > 0) {
    if (exponent & 1) result *= b;
    b *= b;
    exponent >>= 1;
  }
  return int64_t(result);
}

double rpp_helper_math_exp(double x) { return checked_1(x, std::exp(x), true); }
double rpp_helper_math_expm1(double x) { return checked_1(x, std::expm1(x), true); }
double rpp_helper_math_log(double x) {
  if (x <= 0) return domain_error();
  return checked_1(x, std::log(x), false);
}
double rpp_helper_math_log2(double x) {
  if (x <= 0) return domain_error();
  return checked_1(x, std::log2(x), false);
}
double rpp_helper_math_log10(double x) {
  if (x <= 0) return domain_error();
  return checked_1(x, std::log10(x), false);
}
double rpp_helper_math_log1p(double x) {
  if (x <= -1) return domain_error();
  return checked_1(x, std::log1p(x), false);
}
double rpp_helper_math_sin(double x) { return checked_1(x, std::sin(x), false); }
double rpp_helper_math_cos(double x) { return checked_1(x, std::cos(x), false); }
double rpp_helper_math_tan(double x) { return checked_1(x, std::tan(x), false); }
double rpp_helper_math_asin(double x) { return checked_1(x, std::asin(x), false); }
double rpp_helper_math_acos(double x) { return checked_1(x, std::acos(x), false); }
double rpp_helper_math_atan(double x) { return checked_1(x, std::atan(x), false); }
double rpp_helper_math_atan2(double y, double x) { return std::atan2(y, x); }
double rpp_helper_math_sinh(double x) { return checked_1(x, std::sinh(x), true); }
double rpp_helper_math_cosh(double x) { return checked_1(x, std::cosh(x), true); }
double rpp_helper_math_tanh(double x) { return checked_1(x, std::tanh(x), false); }
double rpp_helper_math_asinh(double x) { return checked_1(x, std::asinh(x), false); }
double rpp_helper_math_acosh(double x) { return checked_1(x, std::acosh(x), false); }
double rpp_helper_math_atanh(double x) {
  if (x <= -1 || x >= 1) return domain_error();
  return checked_1(x, std::atanh(x), false);
}
double rpp_helper_math_hypot(double x, double y) {
  if (std::isinf(x) || std::isinf(y)) return HUGE_VAL;
  return checked_2(x, y, std::hypot(x, y));
}
double rpp_helper_math_erf(double x) { return std::erf(x); }
double rpp_helper_math_erfc(double x) { return std::erfc(x); }
double rpp_helper_math_gamma(double x) {
  if (std::isinf(x) && x < 0) return domain_error();
  if (x == std::floor(x) && x <= 0) return domain_error();
  return checked_1(x, std::tgamma(x), true);
}
double rpp_helper_math_lgamma(double x) {
  if (x == std::floor(x) && x <= 0) return domain_error();
  return checked_1(x, std::lgamma(x), true);
}
double rpp_helper_math_ldexp(double x, int64_t exp) {
  if (exp > 100000) exp = 100000;
  if (exp < -100000) exp = -100000;
  return checked_1(x, std::ldexp(x, int(exp)), true);
}

int64_t rpp_helper_math_trunc(double x) { return to_int(std::trunc(x)); }

// CPython's math_pow: the non-finite cases spelled out, then libm; a nan from finite arguments
// (negative base, fractional exponent) and 0.0 ** negative are domain errors, an infinite result
// from finite arguments a range error.
double rpp_helper_math_pow(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) return y == 0.0 ? 1.0 : x;
    if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
    if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) return odd_y ? x : std::fabs(x);
      if (y == 0.0) return 1.0;
      return odd_y ? std::copysign(0.0, x) : 0.0;
    }
    if (std::fabs(x) == 1.0) return 1.0;
    if (y > 0.0 && std::fabs(x) > 1.0) return y;
    if (y < 0.0 && std::fabs(x) < 1.0) return -y;
    return 0.0;
  }
  double r = std::pow(x, y);
  if (std::isnan(r)) return domain_error();
  if (std::isinf(r)) return x == 0.0 ? domain_error() : range_error();
  return r;
}

double rpp_helper_math_copysign(double x, double y) { return std::copysign(x, y); }

// math.log(x, base) = log(x) / log(base), each checked as math.log; base 1 divides by zero.
double rpp_helper_math_log_base(double x, double base) {
  if (x <= 0 || base <= 0) return domain_error();
  double num = std::log(x), den = std::log(base);
  if (den == 0) {
    raise_builtin(layout::kExcZeroDivisionError, std::string_view("float division by zero"));
    return -1.0;
  }
  return num / den;
}

double rpp_helper_math_frexp_mantissa(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0) return x;
  int e;
  return std::frexp(x, &e);
}

int64_t rpp_helper_math_frexp_exponent(double x) {
  if (std::isnan(x) || std::isinf(x) || x == 0) return 0;
  int e;
  std::frexp(x, &e);
  return e;
}

// modf(inf) is (0.0 with inf's sign, inf), as CPython.
double rpp_helper_math_modf_fraction(double x) {
  if (std::isinf(x)) return std::copysign(0.0, x);
  double i;
  return std::modf(x, &i);
}

double rpp_helper_math_modf_integer(double x) {
  if (std::isinf(x)) return x;
  double i;
  std::modf(x, &i);
  return i;
}

}  // extern "C"
