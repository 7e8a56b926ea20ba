// Floats as text (float_format.h) and the helper float_to_str.
#include "runtime/rlib/float_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"

namespace rpp::rlib {

namespace {

// Scientific digits of x >= 0: mantissa digits (no point) and the decimal exponent. precision
// < 0: the shortest round-trip digits; otherwise precision + 1 significant digits.
void scientific_digits(double x, int precision, std::string& digits, int& exponent) {
  char buf[512];
  auto r = precision < 0 ? std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific)
                         : std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, precision);
  std::string_view text(buf, size_t(r.ptr - buf));
  size_t e = text.find('e');
  digits.clear();
  for (char c : text.substr(0, e))
    if (c != '.') digits.push_back(c);
  exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
}

std::string fixed(double x, int precision) {
  std::string out(size_t(precision) + 400, '\0');
  auto r = std::to_chars(out.data(), out.data() + out.size(), x, std::chars_format::fixed, precision);
  out.resize(size_t(r.ptr - out.data()));
  return out;
}

std::string exponent_suffix(int exponent) {
  std::string s = exponent < 0 ? "e-" : "e+";
  int a = std::abs(exponent);
  if (a < 10) s.push_back('0');
  s += std::to_string(a);
  return s;
}

void strip_trailing_zeros(std::string& s) {
  size_t dot = s.find('.');
  if (dot == std::string::npos) return;
  size_t end = s.size();
  while (end > dot + 1 && s[end - 1] == '0') --end;
  if (end == dot + 1) end = dot;
  s.resize(end);
}

std::string repr_body(double x, bool alt) {
  std::string digits;
  int exponent;
  scientific_digits(x, -1, digits, exponent);
  int decpt = exponent + 1;
  int n = int(digits.size());
  if (decpt <= -4 || decpt > 16) {
    std::string out(1, digits[0]);
    if (n > 1 || alt) out += "." + digits.substr(1);
    return out + exponent_suffix(exponent);
  }
  if (decpt <= 0) return "0." + std::string(size_t(-decpt), '0') + digits;
  if (decpt >= n) return digits + std::string(size_t(decpt - n), '0') + ".0";
  return digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
}

std::string general_body(double x, int precision, bool alt, bool add_dot_0) {
  int p = precision == 0 ? 1 : precision;
  std::string digits;
  int exponent;
  scientific_digits(x, p - 1, digits, exponent);
  std::string out;
  // format()'s empty type with a precision (add_dot_0) switches to an exponent one digit
  // earlier, as CPython's format_float_short does.
  if (exponent < -4 || exponent >= (add_dot_0 ? p - 1 : p)) {
    out = digits.substr(0, 1);
    if (digits.size() > 1 || alt) out += "." + digits.substr(1);
    if (!alt) strip_trailing_zeros(out);
    out += exponent_suffix(exponent);
  } else {
    out = fixed(x, p - 1 - exponent);
    if (!alt) strip_trailing_zeros(out);
    else if (out.find('.') == std::string::npos) out += ".";
    if (add_dot_0 && out.find('.') == std::string::npos) out += ".0";
  }
  return out;
}

}  // namespace

FloatText format_float_body(double x, char type, int precision, bool alt, bool add_dot_0) {
  FloatText r;
  bool upper = type >= 'A' && type <= 'Z';
  char t = upper ? char(type - 'A' + 'a') : type;
  if (precision < 0) precision = 6;
  if (std::isnan(x)) {
    r.body = t == '%' ? "nan%" : "nan";
  } else {
    r.negative = std::signbit(x);
    double a = std::fabs(x);
    if (std::isinf(a)) {
      r.body = "inf";
      if (t == '%') r.body += "%";
    } else {
      switch (t) {
        case 'r':
          r.body = repr_body(a, alt);
          break;
        case 'e': {
          std::string digits;
          int exponent;
          scientific_digits(a, precision, digits, exponent);
          r.body = digits.substr(0, 1);
          if (precision > 0 || alt) r.body += "." + digits.substr(1);
          r.body += exponent_suffix(exponent);
          break;
        }
        case 'f':
          r.body = fixed(a, precision);
          if (alt && precision == 0) r.body += ".";
          break;
        case '%':
          r.body = fixed(a * 100, precision);
          if (alt && precision == 0) r.body += ".";
          r.body += "%";
          break;
        default:  // 'g'
          r.body = general_body(a, precision, alt, add_dot_0);
          break;
      }
    }
  }
  if (upper)
    for (char& c : r.body)
      if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return r;
}

std::string float_repr(double x) {
  FloatText t = format_float_body(x, 'r', 0, false, true);
  return t.negative ? "-" + t.body : t.body;
}

}  // namespace rpp::rlib

extern "C" void* rpp_helper_float_to_str(double value) {
  return rpp::rlib::str_from_ascii(rpp::rlib::float_repr(value));
}
