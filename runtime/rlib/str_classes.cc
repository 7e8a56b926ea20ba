// Character classes of str and of single code points (isspace, isalpha, ...): CPython's
// definitions over the generated Unicode tables (unicode_db.h).
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"

using namespace rpp::rlib;
namespace u = rpp::rlib::unicode;

namespace {

template <class Predicate>
bool all_chars(void* str, Predicate p) {
  StrView s(str);
  if (s.length == 0) return false;
  for (int64_t i = 0; i < s.length; ++i)
    if (!p(s[i])) return false;
  return true;
}

}  // namespace

extern "C" {

bool rpp_helper_str_isspace(void* s) { return all_chars(s, u::is_space); }
bool rpp_helper_str_isalpha(void* s) { return all_chars(s, u::is_alpha); }
bool rpp_helper_str_isdigit(void* s) { return all_chars(s, u::is_digit); }
bool rpp_helper_str_isalnum(void* s) { return all_chars(s, u::is_alnum); }
bool rpp_helper_str_isdecimal(void* s) { return all_chars(s, u::is_decimal); }
bool rpp_helper_str_isnumeric(void* s) { return all_chars(s, u::is_numeric); }

bool rpp_helper_str_isupper(void* str) {
  StrView s(str);
  bool cased = false;
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (u::is_lower(c) || u::is_title(c)) return false;
    if (u::is_upper(c)) cased = true;
  }
  return cased;
}

bool rpp_helper_str_islower(void* str) {
  StrView s(str);
  bool cased = false;
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (u::is_upper(c) || u::is_title(c)) return false;
    if (u::is_lower(c)) cased = true;
  }
  return cased;
}

bool rpp_helper_str_istitle(void* str) {
  StrView s(str);
  bool cased = false, previous_is_cased = false;
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (u::is_upper(c) || u::is_title(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (u::is_lower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

bool rpp_helper_str_isidentifier(void* str) {
  StrView s(str);
  if (s.length == 0 || !u::is_xid_start(s[0])) return false;
  for (int64_t i = 1; i < s.length; ++i)
    if (!u::is_xid_continue(s[i])) return false;
  return true;
}

bool rpp_helper_str_isprintable(void* str) {
  StrView s(str);
  for (int64_t i = 0; i < s.length; ++i)
    if (!u::is_printable(s[i])) return false;
  return true;
}

bool rpp_helper_str_isascii(void* str) {
  StrView s(str);
  for (int64_t i = 0; i < s.length; ++i)
    if (s[i] >= 0x80) return false;
  return true;
}

bool rpp_helper_unichar_isspace(char32_t c) { return u::is_space(c); }
bool rpp_helper_unichar_isalpha(char32_t c) { return u::is_alpha(c); }
bool rpp_helper_unichar_isdigit(char32_t c) { return u::is_digit(c); }
bool rpp_helper_unichar_isalnum(char32_t c) { return u::is_alnum(c); }
bool rpp_helper_unichar_isdecimal(char32_t c) { return u::is_decimal(c); }
bool rpp_helper_unichar_isnumeric(char32_t c) { return u::is_numeric(c); }
bool rpp_helper_unichar_isupper(char32_t c) { return u::is_upper(c); }
bool rpp_helper_unichar_islower(char32_t c) { return u::is_lower(c); }

}  // extern "C"
