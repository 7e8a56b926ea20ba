// int(s), int(s, base) and float(s) on str, accepting exactly what CPython accepts: Unicode
// decimal digits and whitespace (turned to ASCII first, as CPython does), surrounding
// whitespace, a sign, underscores between digits (and after a base prefix), base prefixes,
// `inf`/`infinity`/`nan`. Errors are ValueError with CPython's message; an int that does not
// fit a machine word raises OverflowError (CPython would make a big int).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"
#include "runtime/rlib/utf8.h"

using namespace rpp::rlib;

namespace {

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, then the surrounding spaces stripped.
std::string to_ascii_stripped(const StrView& s) {
  std::string out;
  out.reserve(size_t(s.length));
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (c < 128) {
      out.push_back(rpp::rlib::unicode::is_space(c) ? ' ' : char(c));
    } else if (rpp::rlib::unicode::is_space(c)) {
      out.push_back(' ');
    } else {
      int d = rpp::rlib::unicode::decimal_value(c);
      out.push_back(d >= 0 ? char('0' + d) : '?');
    }
  }
  size_t a = out.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  size_t b = out.find_last_not_of(' ');
  return out.substr(a, b - a + 1);
}

void raise_literal_error(const char* prefix, void* str) {
  rpp::gc::Rooted<void> original(str);
  void* repr = rpp_helper_str_repr(original.get());
  std::string text = utf8_of(repr);
  if (rpp::layout::str_length(repr) > 200) {  // CPython's %.200R
    StrView r(repr);
    TextOut cut;
    cut.append(r, 0, 200);
    text = utf8_of(cut.finish());
  }
  raise_builtin(rpp::layout::kExcValueError, std::string(prefix) + text);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

enum class IntParse { Ok, Invalid, Overflow };

IntParse parse_int(const std::string& text, int base, int64_t& result) {
  size_t i = 0, n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  bool after_prefix = false;  // an underscore may follow a base prefix directly
  if (i + 1 < n && text[i] == '0') {
    char p = char(text[i + 1] | 0x20);
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      i += 2;
      after_prefix = true;
    }
  }
  if (base == 0) {
    // No prefix: decimal, and a leading zero only in a number that is all zeros.
    base = 10;
    if (i < n && text[i] == '0') {
      for (size_t k = i; k < n; ++k)
        if (text[k] != '0' && text[k] != '_') return IntParse::Invalid;
    }
  }
  if (i < n && text[i] == '_') {
    if (!after_prefix) return IntParse::Invalid;
    ++i;
  }
  if (i == n) return IntParse::Invalid;
  unsigned __int128 value = 0;
  bool overflow = false;
  bool previous_underscore = false;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (previous_underscore) return IntParse::Invalid;
      previous_underscore = true;
      continue;
    }
    int d = digit_value(c);
    if (d >= base) return IntParse::Invalid;
    previous_underscore = false;
    value = value * unsigned(base) + unsigned(d);
    if (value > (unsigned __int128)(uint64_t(1) << 63)) {
      overflow = true;
      value = (unsigned __int128)(uint64_t(1) << 63) + 1;
    }
  }
  if (previous_underscore) return IntParse::Invalid;
  if (overflow || (!negative && value > uint64_t(INT64_MAX)) || (negative && value > (uint64_t(1) << 63)))
    return IntParse::Overflow;
  result = negative ? int64_t(0 - uint64_t(value)) : int64_t(uint64_t(value));
  return IntParse::Ok;
}

// Removes underscores that sit between two digits; false if any other underscore is present.
bool drop_float_underscores(const std::string& in, std::string& out) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '_') {
      out.push_back(in[i]);
      continue;
    }
    bool digit_before = i > 0 && in[i - 1] >= '0' && in[i - 1] <= '9';
    bool digit_after = i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '9';
    if (!digit_before || !digit_after) return false;
  }
  return true;
}

bool equals_ignoring_case(const std::string& a, size_t from, const char* word) {
  size_t n = std::char_traits<char>::length(word);
  if (a.size() - from != n) return false;
  for (size_t k = 0; k < n; ++k)
    if ((a[from + k] | 0x20) != word[k]) return false;
  return true;
}

// CPython's PyOS_string_to_double grammar, on ASCII without underscores.
bool parse_float(const std::string& text, double& result) {
  size_t i = 0, n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (equals_ignoring_case(text, i, "inf") || equals_ignoring_case(text, i, "infinity")) {
    result = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_ignoring_case(text, i, "nan")) {
    result = std::copysign(NAN, negative ? -1.0 : 1.0);
    return true;
  }
  size_t start = i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++int_digits;
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != n) return false;
  errno = 0;
  double v = std::strtod(text.c_str() + start, nullptr);  // correctly rounded; overflow gives inf
  result = negative ? -v : v;
  return true;
}

}  // namespace

extern "C" {

int64_t rpp_helper_str_to_int(void* s, int64_t base) {
  if (base != 0 && (base < 2 || base > 36)) {
    raise_builtin(rpp::layout::kExcValueError, std::string_view("int() base must be >= 2 and <= 36, or 0"));
    return -1;
  }
  std::string text = to_ascii_stripped(StrView(s));
  int64_t result = 0;
  switch (parse_int(text, int(base), result)) {
    case IntParse::Ok:
      return result;
    case IntParse::Overflow:
      raise_builtin(rpp::layout::kExcOverflowError, std::string_view("int() literal too large for a machine word"));
      return -1;
    case IntParse::Invalid:
      break;
  }
  raise_literal_error(("invalid literal for int() with base " + std::to_string(base) + ": ").c_str(), s);
  return -1;
}

double rpp_helper_str_to_float(void* s) {
  std::string text = to_ascii_stripped(StrView(s)), clean;
  double result;
  if (drop_float_underscores(text, clean) && parse_float(clean, result)) return result;
  raise_literal_error("could not convert string to float: ", s);
  return -1.0;
}

}  // extern "C"
