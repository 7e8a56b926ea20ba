// Searching in str: find, rfind, count (with Python's start/end), find_char, rfind_char,
// startswith, endswith, and bytes_find. A wide needle never occurs in a narrow haystack (a str
// is narrow iff all its code points are < 256).
#include <cstring>

#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;

namespace {

// CPython's ADJUST_INDICES: end is clamped to [0, len], start only from below.
void adjust_indices(int64_t length, int64_t& start, int64_t& end) {
  if (end > length) end = length;
  else if (end < 0) {
    end += length;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += length;
    if (start < 0) start = 0;
  }
}

bool match_at(const StrView& s, const StrView& sub, int64_t at) {
  if (!s.wide && !sub.wide) return std::memcmp(s.narrow() + at, sub.narrow(), size_t(sub.length)) == 0;
  for (int64_t k = 0; k < sub.length; ++k)
    if (s[at + k] != sub[k]) return false;
  return true;
}

// First occurrence of sub in s[start:end] at or after start, or -1.
int64_t find_forward(const StrView& s, const StrView& sub, int64_t start, int64_t end) {
  if (end - start < sub.length) return -1;
  if (sub.length == 0) return start;
  if (sub.wide && !s.wide) return -1;
  if (!s.wide && !sub.wide) {
    const void* p = memmem(s.narrow() + start, size_t(end - start), sub.narrow(), size_t(sub.length));
    return p ? static_cast<const uint8_t*>(p) - s.narrow() : -1;
  }
  char32_t first = sub[0];
  for (int64_t i = start; i + sub.length <= end; ++i)
    if (s[i] == first && match_at(s, sub, i)) return i;
  return -1;
}

int64_t find_backward(const StrView& s, const StrView& sub, int64_t start, int64_t end) {
  if (end - start < sub.length) return -1;
  if (sub.length == 0) return end;
  if (sub.wide && !s.wide) return -1;
  for (int64_t i = end - sub.length; i >= start; --i)
    if (s[i] == sub[0] && match_at(s, sub, i)) return i;
  return -1;
}

}  // namespace

extern "C" {

int64_t rpp_helper_str_find(void* s, void* sub, int64_t start, int64_t end) {
  StrView v(s), w(sub);
  adjust_indices(v.length, start, end);
  return find_forward(v, w, start, end);
}

int64_t rpp_helper_str_rfind(void* s, void* sub, int64_t start, int64_t end) {
  StrView v(s), w(sub);
  adjust_indices(v.length, start, end);
  return find_backward(v, w, start, end);
}

int64_t rpp_helper_str_count(void* s, void* sub, int64_t start, int64_t end) {
  StrView v(s), w(sub);
  adjust_indices(v.length, start, end);
  if (end - start < w.length) return 0;
  if (w.length == 0) return end - start + 1;
  int64_t count = 0;
  for (int64_t i = find_forward(v, w, start, end); i >= 0; i = find_forward(v, w, i + w.length, end)) ++count;
  return count;
}

int64_t rpp_helper_str_find_char(void* s, char32_t c, int64_t start, int64_t end) {
  StrView v(s);
  adjust_indices(v.length, start, end);
  if (!v.wide) {
    if (c >= 256 || start >= end) return -1;
    const void* p = std::memchr(v.narrow() + start, int(c), size_t(end - start));
    return p ? static_cast<const uint8_t*>(p) - v.narrow() : -1;
  }
  for (int64_t i = start; i < end; ++i)
    if (v.wide_chars()[i] == c) return i;
  return -1;
}

int64_t rpp_helper_str_rfind_char(void* s, char32_t c, int64_t start, int64_t end) {
  StrView v(s);
  adjust_indices(v.length, start, end);
  for (int64_t i = end - 1; i >= start; --i)
    if (v[i] == c) return i;
  return -1;
}

bool rpp_helper_str_startswith(void* s, void* prefix) {
  StrView v(s), p(prefix);
  return p.length <= v.length && !(p.wide && !v.wide) && match_at(v, p, 0);
}

bool rpp_helper_str_endswith(void* s, void* suffix) {
  StrView v(s), p(suffix);
  return p.length <= v.length && !(p.wide && !v.wide) && match_at(v, p, v.length - p.length);
}

int64_t rpp_helper_bytes_find(void* b, void* sub, int64_t start, int64_t end) {
  StrView v(b), w(sub);  // bytes share the narrow layout
  adjust_indices(v.length, start, end);
  return find_forward(v, w, start, end);
}

}  // extern "C"
