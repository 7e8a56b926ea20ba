// Case mapping of str (lower, upper, swapcase, capitalize, title) with Unicode's full mappings
// and CPython's final-sigma rule, from the generated tables (unicode_db.h).
#include <string>

#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"

using namespace rpp::rlib;
namespace u = rpp::rlib::unicode;

namespace {

// Lowercase of s[i] (CPython's lower_ucs4): capital sigma becomes final sigma at a word's end.
void append_lower_at(const StrView& s, int64_t i, std::u32string& out) {
  char32_t c = s[i];
  if (c != 0x3A3) {
    u::append_lower(c, out);
    return;
  }
  int64_t j = i - 1;
  while (j >= 0 && u::is_case_ignorable(s[j])) --j;
  bool final_sigma = j >= 0 && u::is_cased(s[j]);
  if (final_sigma) {
    j = i + 1;
    while (j < s.length && u::is_case_ignorable(s[j])) ++j;
    final_sigma = j == s.length || !u::is_cased(s[j]);
  }
  out.push_back(final_sigma ? 0x3C2 : 0x3C3);
}

// Narrow strings whose chars are ASCII map fast; everything else through the tables.
bool all_ascii(const StrView& s) {
  if (s.wide) return false;
  for (int64_t i = 0; i < s.length; ++i)
    if (s.narrow()[i] >= 0x80) return false;
  return true;
}

void* ascii_map(const StrView& s, bool upper) {
  std::string out(reinterpret_cast<const char*>(s.narrow()), size_t(s.length));
  bool changed = false;
  for (char& c : out) {
    if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) {
      c = char(c ^ 0x20);
      changed = true;
    }
  }
  if (!changed) return const_cast<void*>(s.obj);
  return str_from_ascii(out);
}

}  // namespace

extern "C" {

void* rpp_helper_str_lower(void* str) {
  StrView s(str);
  if (all_ascii(s)) return ascii_map(s, false);
  std::u32string out;
  out.reserve(size_t(s.length));
  for (int64_t i = 0; i < s.length; ++i) append_lower_at(s, i, out);
  return str_from_u32(out);
}

void* rpp_helper_str_upper(void* str) {
  StrView s(str);
  if (all_ascii(s)) return ascii_map(s, true);
  std::u32string out;
  out.reserve(size_t(s.length));
  for (int64_t i = 0; i < s.length; ++i) u::append_upper(s[i], out);
  return str_from_u32(out);
}

void* rpp_helper_str_swapcase(void* str) {
  StrView s(str);
  std::u32string out;
  out.reserve(size_t(s.length));
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (u::is_upper(c)) append_lower_at(s, i, out);
    else if (u::is_lower(c)) u::append_upper(c, out);
    else out.push_back(c);
  }
  return str_from_u32(out);
}

void* rpp_helper_str_capitalize(void* str) {
  StrView s(str);
  if (s.length == 0) return str;
  std::u32string out;
  out.reserve(size_t(s.length));
  u::append_title(s[0], out);
  for (int64_t i = 1; i < s.length; ++i) append_lower_at(s, i, out);
  return str_from_u32(out);
}

void* rpp_helper_str_title(void* str) {
  StrView s(str);
  std::u32string out;
  out.reserve(size_t(s.length));
  bool previous_is_cased = false;
  for (int64_t i = 0; i < s.length; ++i) {
    char32_t c = s[i];
    if (previous_is_cased) append_lower_at(s, i, out);
    else u::append_title(c, out);
    previous_is_cased = u::is_cased(c);
  }
  return str_from_u32(out);
}

}  // extern "C"
