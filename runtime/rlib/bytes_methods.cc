// bytes methods with CPython's bytes semantics: ASCII-only character classes and case mapping,
// ASCII whitespace for split() and strip() (unlike str, whose rules are Unicode's). Read-only
// searches that str and bytes share (find, count...) are the str helpers on the narrow layout;
// these are the ones whose result is bytes or whose rules differ, plus startswith/endswith with
// start/end for both str and bytes.
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
namespace layout = rpp::layout;

namespace {

bool ascii_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool ascii_digit(uint8_t c) { return c >= '0' && c <= '9'; }
bool ascii_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
bool ascii_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
bool ascii_alpha(uint8_t c) { return ascii_lower(c) || ascii_upper(c); }

std::string_view view_of(const void* b) {
  return std::string_view(reinterpret_cast<const char*>(layout::str_narrow_chars(b)), size_t(layout::str_length(b)));
}

// Fresh bytes from C++ memory (never GC memory: the allocation may move it).
void* bytes_of(const std::string& data) { return data.empty() ? empty_bytes() : bytes_from(data.data(), data.size()); }

// CPython's ADJUST_INDICES for startswith/endswith: end clamped to [0, len], start from below.
void adjust(int64_t length, int64_t& start, int64_t& end) {
  if (end > length) end = length;
  else if (end < 0 && (end += length) < 0) end = 0;
  if (start < 0 && (start += length) < 0) start = 0;
}

// s[start:end] starts (ends) with p: CPython's tailmatch, on code points.
bool tail_match(const void* s, const void* p, int64_t start, int64_t end, bool at_end) {
  StrView v(s), w(p);
  adjust(v.length, start, end);
  if (end - start < w.length) return false;
  int64_t at = at_end ? end - w.length : start;
  for (int64_t k = 0; k < w.length; ++k)
    if (v[at + k] != w[k]) return false;
  return true;
}

// The list of bytes b[start:stop] for each range (kTidBytesList, items kTidBytesArray).
void* bytes_list_of_slices(void* b, const std::vector<std::pair<int64_t, int64_t>>& ranges) {
  rpp::gc::Rooted<void> rb(b);
  rpp::gc::Rooted<void> items(rpp_gc_malloc_varsize(layout::kTidBytesArray, int64_t(ranges.size())));
  for (size_t i = 0; i < ranges.size(); ++i) {
    void* piece = rpp_helper_bytes_slice(rb.get(), ranges[i].first, ranges[i].second);
    rpp::gc::write_barrier_array(items.get(), int64_t(i));
    layout::write_at<void*>(items.get(), layout::kArrayItemsOffset + 8 * i, piece);
  }
  void* list = rpp::gc::allocate_fixed(layout::kTidBytesList);
  layout::write_at<int64_t>(list, layout::kListLengthOffset, int64_t(ranges.size()));
  layout::write_at<void*>(list, layout::kListItemsOffset, items.get());
  return list;
}

template <class Pred>
bool all_of(void* b, Pred pred) {
  std::string_view v = view_of(b);
  if (v.empty()) return false;
  for (char c : v)
    if (!pred(uint8_t(c))) return false;
  return true;
}

template <class Map>
void* mapped(void* b, Map map) {
  std::string out(view_of(b));
  for (char& c : out) c = char(map(uint8_t(c)));
  return bytes_of(out);
}

}  // namespace

extern "C" {

bool rpp_helper_str_startswith_range(void* s, void* prefix, int64_t start, int64_t end) {
  return tail_match(s, prefix, start, end, false);
}

bool rpp_helper_str_endswith_range(void* s, void* suffix, int64_t start, int64_t end) {
  return tail_match(s, suffix, start, end, true);
}

void* rpp_helper_bytes_replace(void* b, void* old, void* replacement, int64_t count) {
  std::string_view v = view_of(b), o = view_of(old), r = view_of(replacement);
  if (count < 0) count = INT64_MAX;
  std::string out;
  size_t at = 0;
  if (o.empty()) {  // between every byte, and at both ends
    for (; count > 0 && at <= v.size(); --count) {
      out.append(r);
      if (at < v.size()) out.push_back(v[at]);
      ++at;
    }
    if (at < v.size()) out.append(v.substr(at));
    return bytes_of(out);
  }
  for (; count > 0; --count) {
    size_t hit = v.find(o, at);
    if (hit == std::string_view::npos) break;
    out.append(v.substr(at, hit - at));
    out.append(r);
    at = hit + o.size();
  }
  if (at == 0) return b;
  out.append(v.substr(at));
  return bytes_of(out);
}

void* rpp_helper_bytes_strip(void* b, void* chars, bool left, bool right) {
  std::string_view v = view_of(b);
  std::string set = chars ? std::string(view_of(chars)) : std::string();
  auto strip = [&](uint8_t c) { return chars ? set.find(char(c)) != std::string::npos : ascii_space(c); };
  size_t start = 0, stop = v.size();
  if (left)
    while (start < stop && strip(uint8_t(v[start]))) ++start;
  if (right)
    while (stop > start && strip(uint8_t(v[stop - 1]))) --stop;
  if (start == 0 && stop == v.size()) return b;
  return rpp_helper_bytes_slice(b, int64_t(start), int64_t(stop));
}

void* rpp_helper_bytes_split(void* b, void* sep, int64_t maxsplit) {
  std::string_view v = view_of(b);
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  if (!sep) {  // runs of ASCII whitespace
    size_t i = 0;
    while (true) {
      while (i < v.size() && ascii_space(uint8_t(v[i]))) ++i;
      if (i == v.size()) break;
      if (maxsplit-- == 0) {
        size_t end = v.size();
        while (end > i && ascii_space(uint8_t(v[end - 1]))) --end;
        ranges.push_back({int64_t(i), int64_t(end)});
        break;
      }
      size_t j = i;
      while (j < v.size() && !ascii_space(uint8_t(v[j]))) ++j;
      ranges.push_back({int64_t(i), int64_t(j)});
      i = j;
    }
    return bytes_list_of_slices(b, ranges);
  }
  std::string_view s = view_of(sep);
  if (s.empty()) {
    raise_builtin(layout::kExcValueError, std::string_view("empty separator"));
    return nullptr;
  }
  size_t at = 0;
  while (maxsplit-- > 0) {
    size_t hit = v.find(s, at);
    if (hit == std::string_view::npos) break;
    ranges.push_back({int64_t(at), int64_t(hit)});
    at = hit + s.size();
  }
  ranges.push_back({int64_t(at), int64_t(v.size())});
  return bytes_list_of_slices(b, ranges);
}

void* rpp_helper_bytes_upper(void* b) { return mapped(b, [](uint8_t c) { return ascii_lower(c) ? c - 32 : c; }); }
void* rpp_helper_bytes_lower(void* b) { return mapped(b, [](uint8_t c) { return ascii_upper(c) ? c + 32 : c; }); }

// `byte in b` for an int: CPython's ValueError when it is not a byte value.
bool rpp_helper_bytes_contains_byte(void* b, int64_t byte) {
  if (byte < 0 || byte > 255) {
    raise_builtin(layout::kExcValueError, std::string_view("byte must be in range(0, 256)"));
    return false;
  }
  return view_of(b).find(char(uint8_t(byte))) != std::string_view::npos;
}

bool rpp_helper_bytes_isdigit(void* b) { return all_of(b, ascii_digit); }
bool rpp_helper_bytes_isalpha(void* b) { return all_of(b, ascii_alpha); }
bool rpp_helper_bytes_isalnum(void* b) { return all_of(b, [](uint8_t c) { return ascii_alpha(c) || ascii_digit(c); }); }
bool rpp_helper_bytes_isspace(void* b) { return all_of(b, ascii_space); }

// Cased bytes must be all lower (upper) and at least one cased byte must exist.
bool rpp_helper_bytes_islower(void* b) {
  bool cased = false;
  for (char c : view_of(b)) {
    if (ascii_upper(uint8_t(c))) return false;
    cased |= ascii_lower(uint8_t(c));
  }
  return cased;
}

bool rpp_helper_bytes_isupper(void* b) {
  bool cased = false;
  for (char c : view_of(b)) {
    if (ascii_lower(uint8_t(c))) return false;
    cased |= ascii_upper(uint8_t(c));
  }
  return cased;
}

void* rpp_helper_bytes_mul(void* b, int64_t n) {
  int64_t length = layout::str_length(b);
  if (n <= 0 || length == 0) return empty_bytes();
  if (n == 1) return b;
  if (length > INT64_MAX / n) rpp_fatal_error_cstr("out of memory (bytes too long)");
  rpp::gc::Rooted<void> rb(b);
  void* r = alloc_bytes(length * n);
  for (int64_t k = 0; k < n; ++k)
    std::memcpy(mutable_narrow_chars(r) + k * length, layout::str_narrow_chars(rb.get()), size_t(length));
  return r;
}

void* rpp_helper_bytes_slice_step(void* b, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return empty_bytes();  // the rtyper raised ValueError before
  std::string_view v = view_of(b);
  int64_t n = adjust_step_slice(int64_t(v.size()), start, stop, step);
  std::string out;
  out.reserve(size_t(n));
  for (int64_t i = 0; i < n; ++i) out.push_back(v[size_t(start + i * step)]);
  return bytes_of(out);
}

}  // extern "C"
