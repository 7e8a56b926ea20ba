// repr() of a str with CPython's quoting: single quotes unless the text has a ' and no ", then
// double quotes; backslash escapes for the quote, \\, \t \n \r, other control chars and
// non-printable code points (\xHH, \uHHHH, \UHHHHHHHH); printable non-ASCII kept as is.
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"

using namespace rpp::rlib;

namespace {

void push_hex(TextOut& out, char32_t c, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out.push(char32_t(kHex[(c >> shift) & 0xF]));
}

}  // namespace

extern "C" {

void* rpp_helper_str_repr(void* str) {
  StrView s(str);
  bool has_single = false, has_double = false;
  for (int64_t i = 0; i < s.length; ++i) {
    if (s[i] == '\'') has_single = true;
    else if (s[i] == '"') has_double = true;
  }
  char32_t quote = (has_single && !has_double) ? '"' : '\'';
  TextOut out;
  out.reserve(size_t(s.length) + 2);
  out.push(quote);
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (c == quote || c == '\\') {
      out.push('\\');
      out.push(c);
    } else if (c == '\t') {
      out.append_ascii("\\t");
    } else if (c == '\n') {
      out.append_ascii("\\n");
    } else if (c == '\r') {
      out.append_ascii("\\r");
    } else if (c < 0x20 || c == 0x7F) {
      out.append_ascii("\\x");
      push_hex(out, c, 2);
    } else if (c < 0x7F || rpp::rlib::unicode::is_printable(c)) {
      out.push(c);
    } else if (c < 0x100) {
      out.append_ascii("\\x");
      push_hex(out, c, 2);
    } else if (c < 0x10000) {
      out.append_ascii("\\u");
      push_hex(out, c, 4);
    } else {
      out.append_ascii("\\U");
      push_hex(out, c, 8);
    }
  }
  out.push(quote);
  return out.finish();
}

}  // extern "C"
