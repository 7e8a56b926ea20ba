// str methods that make a new string from one: strip (whitespace or a set of chars), replace,
// ljust, rjust, center, zfill, with CPython's rules.
#include <string>

#include "runtime/gc/roots.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"

using namespace rpp::rlib;

namespace {

bool in_set(const StrView& set, char32_t c) {
  for (int64_t i = 0; i < set.length; ++i)
    if (set[i] == c) return true;
  return false;
}

template <class Strippable>
void* strip_where(void* str, bool left, bool right, Strippable strippable) {
  StrView s(str);
  int64_t start = 0, stop = s.length;
  if (left)
    while (start < stop && strippable(s[start])) ++start;
  if (right)
    while (stop > start && strippable(s[stop - 1])) --stop;
  return rpp_helper_str_slice(str, start, stop);
}

void* pad(void* str, int64_t left, int64_t right, char32_t fill) {
  if (left <= 0 && right <= 0) return str;
  StrView s(str);
  TextOut out;
  out.reserve(size_t(s.length + left + right));
  for (int64_t i = 0; i < left; ++i) out.push(fill);
  out.append(s);
  for (int64_t i = 0; i < right; ++i) out.push(fill);
  return out.finish();
}

}  // namespace

extern "C" {

void* rpp_helper_str_strip(void* s, bool left, bool right) {
  return strip_where(s, left, right, rpp::rlib::unicode::is_space);
}

void* rpp_helper_str_strip_chars(void* s, void* chars, bool left, bool right) {
  if (!chars) return rpp_helper_str_strip(s, left, right);
  StrView set(chars);
  // strip_where's slice may allocate after the predicate ran: the set is not read then.
  return strip_where(s, left, right, [&set](char32_t c) { return in_set(set, c); });
}

void* rpp_helper_str_replace(void* str, void* old_sub, void* new_sub, int64_t count) {
  StrView s(str), old_v(old_sub), new_v(new_sub);
  if (count < 0) count = INT64_MAX;
  TextOut out;
  int64_t done = 0;
  if (old_v.length == 0) {
    for (int64_t i = 0; i <= s.length; ++i) {
      if (done < count) {
        out.append(new_v);
        ++done;
      }
      if (i < s.length) out.push(s[i]);
    }
  } else {
    int64_t i = 0;
    while (i < s.length) {
      int64_t at = done < count ? rpp_helper_str_find(str, old_sub, i, s.length) : -1;
      if (at < 0) break;
      out.append(s, i, at);
      out.append(new_v);
      ++done;
      i = at + old_v.length;
    }
    if (done == 0) return str;
    out.append(s, i, s.length);
  }
  if (done == 0) return str;
  return out.finish();
}

void* rpp_helper_str_ljust(void* s, int64_t width, char32_t fill) {
  return pad(s, 0, width - rpp::layout::str_length(s), fill);
}

void* rpp_helper_str_rjust(void* s, int64_t width, char32_t fill) {
  return pad(s, width - rpp::layout::str_length(s), 0, fill);
}

void* rpp_helper_str_center(void* s, int64_t width, char32_t fill) {
  int64_t margin = width - rpp::layout::str_length(s);
  if (margin <= 0) return s;
  int64_t left = margin / 2 + (margin & width & 1);
  return pad(s, left, margin - left, fill);
}

void* rpp_helper_str_zfill(void* str, int64_t width) {
  StrView s(str);
  int64_t fill = width - s.length;
  if (fill <= 0) return str;
  TextOut out;
  out.reserve(size_t(width));
  int64_t start = 0;
  if (s.length > 0 && (s[0] == '+' || s[0] == '-')) {
    out.push(s[0]);
    start = 1;
  }
  for (int64_t i = 0; i < fill; ++i) out.push('0');
  out.append(s, start, s.length);
  return out.finish();
}

}  // extern "C"
