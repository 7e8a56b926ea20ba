// Formatting ints, floats and strs by a format specification (format_spec.h): the helpers
// format_int, format_float, format_str and int_to_str. The rtyper splits a constant `%` format,
// f-string or str.format into literal text and one call per conversion.
#include <cmath>
#include <string>

#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/float_format.h"
#include "runtime/rlib/format_spec.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
using rpp::layout::BuiltinException;

namespace {

struct Error {
  BuiltinException kind;
  std::string message;
};

bool grouping_allowed(const FormatSpec& spec, char effective_type, Error& error);

std::u32string widen(const std::string& ascii) { return std::u32string(ascii.begin(), ascii.end()); }

std::string digits_in_base(uint64_t magnitude, int base, bool upper) {
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  do {
    out.push_back(alphabet[magnitude % uint64_t(base)]);
    magnitude /= uint64_t(base);
  } while (magnitude);
  return {out.rbegin(), out.rend()};
}

// Inserts `sep` every `size` digits from the right, adding leading zeros until the text is at
// least `min_length` long (zero padding with grouping).
std::string group_digits(const std::string& digits, char sep, int size, int64_t min_length) {
  std::string out;
  int count = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    if (count && count % size == 0) out.push_back(sep);
    out.push_back(digits[i]);
    ++count;
  }
  while (int64_t(out.size()) < min_length) {
    if (count % size == 0) out.push_back(sep);
    out.push_back('0');
    ++count;
  }
  return {out.rbegin(), out.rend()};
}

// A formatted number: sign, prefix (0x...), the integer digits, the rest (fraction, exponent,
// '%'); `digits` is where grouping and zero padding apply.
struct Number {
  std::string sign, prefix, digits, rest;
};

std::string sign_text(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

std::u32string pad_text(const std::u32string& text, char32_t fill, char align, int64_t width) {
  int64_t n = width - int64_t(text.size());
  if (n <= 0) return text;
  std::u32string fill_text(size_t(n), fill);
  if (align == '<') return text + fill_text;
  if (align == '^') return std::u32string(size_t(n / 2), fill) + text + std::u32string(size_t(n - n / 2), fill);
  return fill_text + text;
}

std::u32string layout_number(const FormatSpec& spec, Number num) {
  if (spec.percent_style) {
    std::string all = num.sign + num.prefix + num.digits + num.rest;
    int64_t n = spec.width - int64_t(all.size());
    if (n <= 0) return widen(all);
    if (spec.align == '<') return widen(all + std::string(size_t(n), ' '));
    if (spec.zero) return widen(num.sign + num.prefix + std::string(size_t(n), '0') + num.digits + num.rest);
    return widen(std::string(size_t(n), ' ') + all);
  }
  char32_t fill = spec.fill;
  char align = spec.align;
  if (spec.zero && !spec.fill_given) {
    fill = '0';
    if (!align) align = '=';
  }
  if (!align) align = '>';
  if (spec.grouping && !num.digits.empty()) {
    int size = (spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X') ? 4 : 3;
    int64_t min_length = 0;
    if (fill == '0' && align == '=')
      min_length = spec.width - int64_t(num.sign.size() + num.prefix.size() + num.rest.size());
    num.digits = group_digits(num.digits, spec.grouping, size, min_length);
  }
  std::u32string head = widen(num.sign + num.prefix);
  std::u32string body = widen(num.digits + num.rest);
  if (align == '=') {
    int64_t n = spec.width - int64_t(head.size() + body.size());
    return n > 0 ? head + std::u32string(size_t(n), fill) + body : head + body;
  }
  return pad_text(head + body, fill, align, spec.width);
}

bool is_float_type(char t) {
  return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

std::u32string format_float_with(double x, const FormatSpec& spec, char type, bool add_dot_0) {
  int precision = int(spec.precision < 0 ? -1 : (spec.precision > 1000 ? 1000 : spec.precision));
  FloatText t = format_float_body(x, type, precision, spec.alt, add_dot_0);
  if (spec.no_neg_zero && t.negative && t.body.find_first_of("0123456789") != std::string::npos &&
      t.body.find_first_of("123456789") == std::string::npos)
    t.negative = false;
  Number num;
  num.sign = sign_text(t.negative, spec.sign);
  size_t end = t.body.find_first_not_of("0123456789");
  if (end == std::string::npos) end = t.body.size();
  if (t.body[0] == 'i' || t.body[0] == 'n' || t.body[0] == 'I' || t.body[0] == 'N') end = 0;  // inf, nan
  num.digits = t.body.substr(0, end);
  num.rest = t.body.substr(end);
  return layout_number(spec, num);
}

std::u32string format_int_as(int64_t value, const FormatSpec& spec, Error& error, bool& failed) {
  char t = spec.type;
  uint64_t magnitude = value < 0 ? 0 - uint64_t(value) : uint64_t(value);
  Number num;
  num.sign = sign_text(value < 0, spec.sign);
  if (spec.percent_style) {
    int base = (t == 'x' || t == 'X') ? 16 : t == 'o' ? 8 : 10;
    num.digits = digits_in_base(magnitude, base, t == 'X');
    if (spec.precision > int64_t(num.digits.size()))
      num.digits = std::string(size_t(spec.precision) - num.digits.size(), '0') + num.digits;
    if (spec.alt && base == 16) num.prefix = t == 'X' ? "0X" : "0x";
    if (spec.alt && base == 8) num.prefix = "0o";
    return layout_number(spec, num);
  }
  int base = 10;
  if (t == 'b') base = 2;
  else if (t == 'o') base = 8;
  else if (t == 'x' || t == 'X') base = 16;
  num.digits = digits_in_base(magnitude, base, t == 'X');
  if (spec.alt) {
    if (base == 2) num.prefix = "0b";
    if (base == 8) num.prefix = "0o";
    if (base == 16) num.prefix = t == 'X' ? "0X" : "0x";
  }
  return layout_number(spec, num);
}

std::u32string format_char(int64_t value, const FormatSpec& spec, Error& error, bool& failed) {
  if (!spec.percent_style) {
    if (spec.sign) {
      failed = true;
      error = {rpp::layout::kExcValueError, "Sign not allowed with integer format specifier 'c'"};
      return {};
    }
    if (spec.alt) {
      failed = true;
      error = {rpp::layout::kExcValueError, "Alternate form (#) not allowed with integer format specifier 'c'"};
      return {};
    }
  }
  if (value < 0 || value >= 0x110000) {
    failed = true;
    error = {rpp::layout::kExcOverflowError, "%c arg not in range(0x110000)"};
    return {};
  }
  std::u32string text(1, char32_t(value));
  char align = spec.align ? spec.align : (spec.percent_style ? '>' : '<');
  return pad_text(text, spec.percent_style ? U' ' : spec.fill, align, spec.width);
}

std::u32string format_string_as(const std::u32string& value, const FormatSpec& spec, Error& error, bool& failed) {
  std::u32string text = value;
  if (spec.precision >= 0 && int64_t(text.size()) > spec.precision) text.resize(size_t(spec.precision));
  if (spec.percent_style) return pad_text(text, ' ', spec.align == '<' ? '<' : '>', spec.width);
  auto fail = [&](std::string message) {
    failed = true;
    error = {rpp::layout::kExcValueError, std::move(message)};
    return std::u32string();
  };
  if (!grouping_allowed(spec, spec.type ? spec.type : 's', error)) {
    failed = true;
    return {};
  }
  if (spec.type && spec.type != 's')
    return fail(std::string("Unknown format code '") + spec.type + "' for object of type 'str'");
  if (spec.sign == ' ') return fail("Space not allowed in string format specifier");
  if (spec.sign) return fail("Sign not allowed in string format specifier");
  if (spec.no_neg_zero) return fail("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alt) return fail("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return fail("'=' alignment not allowed in string format specifier");
  char32_t fill = spec.fill;
  if (spec.zero && !spec.fill_given) fill = '0';
  return pad_text(text, fill, spec.align ? spec.align : '<', spec.width);
}

// CPython checks the thousands separator while parsing, against the presentation type with
// the value's default filled in (int 'd', float none, str 's'): before any other check.
bool grouping_allowed(const FormatSpec& spec, char effective_type, Error& error) {
  if (!spec.grouping || spec.percent_style) return true;
  switch (effective_type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      return true;
    case 'b': case 'o': case 'x': case 'X':
      if (spec.grouping == '_') return true;
      break;
    default:
      break;
  }
  error = {rpp::layout::kExcValueError, std::string("Cannot specify '") + spec.grouping + "' with '" + effective_type + "'."};
  return false;
}

bool parse_or_raise(void* spec_str, FormatSpec& spec) {
  std::string error;
  if (!parse_format_spec(StrView(spec_str).to_u32(), spec, error)) {
    raise_builtin(rpp::layout::kExcValueError, error);
    return false;
  }
  return true;
}

void* finish(const std::u32string& text, bool failed, const Error& error) {
  if (failed) {
    raise_builtin(error.kind, error.message);
    return nullptr;
  }
  return str_from_u32(text);
}

std::string int_repr(int64_t value) {
  uint64_t magnitude = value < 0 ? 0 - uint64_t(value) : uint64_t(value);
  return (value < 0 ? "-" : "") + digits_in_base(magnitude, 10, false);
}

}  // namespace

extern "C" {

void* rpp_helper_int_to_str(int64_t value) {
  if (value >= 0 && value < 10) return one_char_str(uint8_t('0' + value));
  return str_from_ascii(int_repr(value));
}

void* rpp_helper_format_int(int64_t value, void* spec_str) {
  FormatSpec spec;
  if (!parse_or_raise(spec_str, spec)) return nullptr;
  Error error{};
  bool failed = false;
  std::u32string text;
  char t = spec.type;
  bool int_type = t == 0 || t == 'd' || t == 'n' || t == 'b' || t == 'o' || t == 'x' || t == 'X' || t == 'c';
  if (spec.percent_style) {
    if (t == 's' || t == 'r') text = format_string_as(widen(int_repr(value)), spec, error, failed);
    else if (t == 'c') text = format_char(value, spec, error, failed);
    else if (is_float_type(t)) text = format_float_with(double(value), spec, t, false);
    else text = format_int_as(value, spec, error, failed);
  } else if (!grouping_allowed(spec, t ? t : 'd', error)) {
    failed = true;
  } else if (int_type && spec.precision >= 0) {
    failed = true;
    error = {rpp::layout::kExcValueError, "Precision not allowed in integer format specifier"};
  } else if (int_type && spec.no_neg_zero) {
    failed = true;
    error = {rpp::layout::kExcValueError, "Negative zero coercion (z) not allowed in integer format specifier"};
  } else if (t == 'c') {
    text = format_char(value, spec, error, failed);
  } else if (int_type) {
    text = format_int_as(value, spec, error, failed);
  } else if (is_float_type(t)) {
    text = format_float_with(double(value), spec, t, false);
  } else {
    failed = true;
    error = {rpp::layout::kExcValueError, std::string("Unknown format code '") + t + "' for object of type 'int'"};
  }
  return finish(text, failed, error);
}

void* rpp_helper_format_float(double value, void* spec_str) {
  FormatSpec spec;
  if (!parse_or_raise(spec_str, spec)) return nullptr;
  Error error{};
  bool failed = false;
  std::u32string text;
  char t = spec.type;
  if (spec.percent_style) {
    if (t == 'd' || t == 'i' || t == 'u') {
      if (std::isnan(value)) {
        failed = true;
        error = {rpp::layout::kExcValueError, "cannot convert float NaN to integer"};
      } else if (std::isinf(value)) {
        failed = true;
        error = {rpp::layout::kExcOverflowError, "cannot convert float infinity to integer"};
      } else if (std::fabs(value) < 9.2e18) {
        text = format_int_as(int64_t(value), spec, error, failed);
      } else {  // beyond a machine word: the exact integer digits
        FloatText digits = format_float_body(std::trunc(value), 'f', 0, false, false);
        Number num;
        num.sign = sign_text(digits.negative, spec.sign);
        num.digits = digits.body;
        text = layout_number(spec, num);
      }
    } else if (t == 'x' || t == 'X' || t == 'o') {
      failed = true;
      error = {rpp::layout::kExcTypeError, std::string("%") + t + " format: an integer is required, not float"};
    } else if (t == 'c') {
      failed = true;
      error = {rpp::layout::kExcTypeError, "%c requires int or char"};
    } else if (t == 's' || t == 'r') {
      text = format_string_as(widen(float_repr(value)), spec, error, failed);
    } else {
      text = format_float_with(value, spec, t, false);
    }
  } else if (!grouping_allowed(spec, t, error)) {
    failed = true;
  } else if (t == 0) {
    text = spec.precision < 0 ? format_float_with(value, spec, 'r', true) : format_float_with(value, spec, 'g', true);
  } else if (is_float_type(t) || t == 'n') {
    text = format_float_with(value, spec, t == 'n' ? 'g' : t, false);
  } else {
    failed = true;
    error = {rpp::layout::kExcValueError, std::string("Unknown format code '") + t + "' for object of type 'float'"};
  }
  return finish(text, failed, error);
}

void* rpp_helper_format_str(void* value, void* spec_str) {
  FormatSpec spec;
  {
    std::string err;
    if (!parse_format_spec(StrView(spec_str).to_u32(), spec, err)) {
      raise_builtin(rpp::layout::kExcValueError, err);
      return nullptr;
    }
  }
  Error error{};
  bool failed = false;
  if (spec.percent_style && spec.type == 'c') {  // '%c' % 'x': a one-char str
    std::u32string text = StrView(value).to_u32();
    if (text.size() != 1) return finish({}, true, {rpp::layout::kExcTypeError, "%c requires int or char"});
    return finish(pad_text(text, ' ', spec.align == '<' ? '<' : '>', spec.width), false, error);
  }
  if (spec.percent_style && spec.type != 's' && spec.type != 'r') {
    failed = true;
    error = {rpp::layout::kExcTypeError, std::string("%") + spec.type + " format: a real number is required, not str"};
    if (spec.type == 'x' || spec.type == 'X' || spec.type == 'o' || spec.type == 'c')
      error.message = std::string("%") + spec.type + " format: an integer is required, not str";
    return finish({}, failed, error);
  }
  std::u32string text = format_string_as(StrView(value).to_u32(), spec, error, failed);
  return finish(text, failed, error);
}

}  // extern "C"
