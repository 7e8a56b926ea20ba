// Parsing format specifications (format_spec.h).
#include "runtime/rlib/format_spec.h"

namespace rpp::rlib {

namespace {

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

bool read_number(const std::u32string& s, size_t& i, int64_t& out) {
  size_t start = i;
  int64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (v > (INT64_MAX - 9) / 10) return false;
    v = v * 10 + int64_t(s[i] - '0');
    ++i;
  }
  if (i > start) out = v;
  return true;
}

bool parse_percent(const std::u32string& s, FormatSpec& out, std::string& error) {
  out.percent_style = true;
  size_t i = 1;
  for (; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == '-') out.align = '<';
    else if (c == '+') out.sign = '+';
    else if (c == ' ') {
      if (out.sign != '+') out.sign = ' ';
    } else if (c == '#') out.alt = true;
    else if (c == '0') out.zero = true;
    else break;
  }
  if (!read_number(s, i, out.width)) {
    error = "width too big";
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    out.precision = 0;
    if (!read_number(s, i, out.precision)) {
      error = "precision too big";
      return false;
    }
  }
  if (i + 1 != s.size()) {
    error = "invalid conversion specification";
    return false;
  }
  char32_t t = s[i];
  const std::u32string kTypes = U"diuxXoeEfFgGsrc";
  if (kTypes.find(t) == std::u32string::npos) {
    error = "unsupported format character";
    return false;
  }
  out.type = char(t);
  if (out.align == '<') out.zero = false;
  return true;
}

}  // namespace

bool parse_format_spec(const std::u32string& s, FormatSpec& out, std::string& error) {
  out = FormatSpec{};
  if (!s.empty() && s[0] == '%') return parse_percent(s, out, error);
  size_t i = 0, n = s.size();
  if (n >= 2 && is_align(s[1])) {
    out.fill = s[0];
    out.fill_given = true;
    out.align = char(s[1]);
    i = 2;
  } else if (n >= 1 && is_align(s[0])) {
    out.align = char(s[0]);
    i = 1;
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) out.sign = char(s[i++]);
  if (i < n && s[i] == 'z') {
    out.no_neg_zero = true;
    ++i;
  }
  if (i < n && s[i] == '#') {
    out.alt = true;
    ++i;
  }
  if (i < n && s[i] == '0') {
    out.zero = true;
    ++i;
  }
  if (!read_number(s, i, out.width)) {
    error = "Too many decimal digits in format string";
    return false;
  }
  if (i < n && (s[i] == ',' || s[i] == '_')) {
    out.grouping = char(s[i++]);
    if (i < n && (s[i] == ',' || s[i] == '_')) {
      error = "Cannot specify both ',' and '_'.";
      return false;
    }
  }
  if (i < n && s[i] == '.') {
    ++i;
    size_t start = i;
    if (!read_number(s, i, out.precision)) {
      error = "Too many decimal digits in format string";
      return false;
    }
    if (i == start) {
      error = "Format specifier missing precision";
      return false;
    }
  }
  if (n - i > 1) {
    error = "Invalid format specifier";
    return false;
  }
  if (i < n) {
    if (s[i] >= 128) {
      error = "Invalid format specifier";
      return false;
    }
    out.type = char(s[i]);
  }
  return true;
}

}  // namespace rpp::rlib
