// bytes methods with CPython's bytes semantics: ASCII-only character classes and case mapping,
// ASCII whitespace for split() and strip() (unlike str, whose rules are Unicode's). Read-only
// searches that str and bytes share (find, count...) are the str helpers on the narrow layout;
// these are the ones whose result is bytes or whose rules differ, plus startswith/endswith with
// start/end for both str and bytes.
#include <algorithm>
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

// b padded to `width` with `fill` (a bytes of length 1, else CPython's TypeError): `left` of the
// padding before b (the rest after).
void* padded(void* b, int64_t width, void* fill, const char* method, int64_t (*left_of)(int64_t margin, int64_t width)) {
  if (layout::str_length(fill) != 1) {
    raise_builtin(layout::kExcTypeError,
                  std::string(method) + "() argument 2 must be a byte string of length 1, not bytes");
    return nullptr;
  }
  std::string_view v = view_of(b);
  int64_t margin = width - int64_t(v.size());
  if (margin <= 0) return b;
  char c = char(layout::str_narrow_chars(fill)[0]);
  int64_t left = left_of(margin, width);
  std::string out(size_t(left), c);
  out.append(v);
  out.append(size_t(margin - left), c);
  return bytes_of(out);
}

int hex_digit(char32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
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
      if (maxsplit-- == 0) {  // the rest, trailing whitespace included (CPython)
        ranges.push_back({int64_t(i), int64_t(v.size())});
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

// CPython's rsplit: pieces found from the right, returned left to right.
void* rpp_helper_bytes_rsplit(void* b, void* sep, int64_t maxsplit) {
  std::string_view v = view_of(b);
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  if (!sep) {  // runs of ASCII whitespace
    size_t i = v.size();
    while (true) {
      while (i > 0 && ascii_space(uint8_t(v[i - 1]))) --i;
      if (i == 0) break;
      if (maxsplit-- == 0) {  // the rest, leading whitespace included (CPython)
        ranges.push_back({0, int64_t(i)});
        break;
      }
      size_t j = i;
      while (j > 0 && !ascii_space(uint8_t(v[j - 1]))) --j;
      ranges.push_back({int64_t(j), int64_t(i)});
      i = j;
    }
  } else {
    std::string_view s = view_of(sep);
    if (s.empty()) {
      raise_builtin(layout::kExcValueError, std::string_view("empty separator"));
      return nullptr;
    }
    size_t end = v.size();
    while (maxsplit-- > 0 && end >= s.size()) {
      size_t hit = v.rfind(s, end - s.size());
      if (hit == std::string_view::npos) break;
      ranges.push_back({int64_t(hit + s.size()), int64_t(end)});
      end = hit;
    }
    ranges.push_back({0, int64_t(end)});
  }
  std::reverse(ranges.begin(), ranges.end());
  return bytes_list_of_slices(b, ranges);
}

// Lines end at \n, \r or \r\n (bytes' only line boundaries); `keepends` keeps them.
void* rpp_helper_bytes_splitlines(void* b, bool keepends) {
  std::string_view v = view_of(b);
  std::vector<std::pair<int64_t, int64_t>> ranges;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && v[j] != '\n' && v[j] != '\r') ++j;
    size_t eol = j;
    if (j < v.size()) j += v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n' ? 2 : 1;
    ranges.push_back({int64_t(i), int64_t(keepends ? j : eol)});
    i = j;
  }
  return bytes_list_of_slices(b, ranges);
}

// b.hex([sep[, bytes_per_sep]]): sep (a str or bytes on the narrow layout, null: none) of one
// ASCII char every bytes_per_sep bytes, counted from the right (from the left when negative).
void* rpp_helper_bytes_hex(void* b, void* sep, int64_t bytes_per_sep) {
  static const char digits[] = "0123456789abcdef";
  std::string_view v = view_of(b);
  char32_t separator = 0;
  if (sep) {
    StrView s(sep);
    if (s.length != 1) {
      raise_builtin(layout::kExcValueError, std::string_view("sep must be length 1."));
      return nullptr;
    }
    if (s[0] > 127) {
      raise_builtin(layout::kExcValueError, std::string_view("sep must be ASCII."));
      return nullptr;
    }
    separator = s[0];
  }
  uint64_t group = bytes_per_sep < 0 ? uint64_t(0) - uint64_t(bytes_per_sep) : uint64_t(bytes_per_sep);
  if (!sep || group == 0 || group >= v.size()) group = 0;
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (group && i > 0) {
      // From the right: a separator where the count of bytes left is a multiple of the group.
      uint64_t at = bytes_per_sep > 0 ? uint64_t(v.size() - i) : uint64_t(i);
      if (at % group == 0) out.push_back(char(separator));
    }
    out.push_back(digits[uint8_t(v[i]) >> 4]);
    out.push_back(digits[uint8_t(v[i]) & 15]);
  }
  return str_from_ascii(out);
}

// bytes.fromhex(s): pairs of hex digits, ASCII whitespace between pairs; CPython's ValueError
// naming the first position that is not ASCII, else the first wrong character.
void* rpp_helper_bytes_fromhex(void* s) {
  StrView v(s);
  auto fail = [](int64_t at) -> void* {
    raise_builtin(layout::kExcValueError,
                  "non-hexadecimal number found in fromhex() arg at position " + std::to_string(at));
    return nullptr;
  };
  for (int64_t i = 0; i < v.length; ++i)
    if (v[i] > 127) return fail(i);
  std::string out;
  int64_t i = 0;
  while (i < v.length) {
    if (v[i] < 128 && ascii_space(uint8_t(v[i]))) {
      ++i;
      continue;
    }
    int top = hex_digit(v[i]);
    if (top < 0) return fail(i);
    int bottom = i + 1 < v.length ? hex_digit(v[i + 1]) : -1;
    if (bottom < 0) return fail(i + 1);
    out.push_back(char(top * 16 + bottom));
    i += 2;
  }
  return bytes_of(out);
}

// CPython's `left` padding of ljust / rjust / center (center's odd margins as CPython's pad()).
void* rpp_helper_bytes_ljust(void* b, int64_t width, void* fill) {
  return padded(b, width, fill, "ljust", [](int64_t, int64_t) { return int64_t(0); });
}
void* rpp_helper_bytes_rjust(void* b, int64_t width, void* fill) {
  return padded(b, width, fill, "rjust", [](int64_t margin, int64_t) { return margin; });
}
void* rpp_helper_bytes_center(void* b, int64_t width, void* fill) {
  return padded(b, width, fill, "center",
                [](int64_t margin, int64_t width) { return margin / 2 + (margin & width & 1); });
}

// Zeros on the left to `width`, after a leading sign.
void* rpp_helper_bytes_zfill(void* b, int64_t width) {
  std::string_view v = view_of(b);
  if (int64_t(v.size()) >= width) return b;
  std::string out(size_t(width - int64_t(v.size())), '0');
  out.append(v);
  size_t fill = out.size() - v.size();
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out[fill] = '0';
  }
  return bytes_of(out);
}

// Title case on ASCII letters: upper after an uncased byte, lower after a cased one.
void* rpp_helper_bytes_title(void* b) {
  bool previous_cased = false;
  return mapped(b, [&](uint8_t c) -> uint8_t {
    uint8_t r = c;
    if (ascii_lower(c) && !previous_cased) r = uint8_t(c - 32);
    else if (ascii_upper(c) && previous_cased) r = uint8_t(c + 32);
    previous_cased = ascii_alpha(c);
    return r;
  });
}

void* rpp_helper_bytes_capitalize(void* b) {
  bool first = true;
  return mapped(b, [&](uint8_t c) -> uint8_t {
    bool at_start = first;
    first = false;
    if (at_start) return ascii_lower(c) ? uint8_t(c - 32) : c;
    return ascii_upper(c) ? uint8_t(c + 32) : c;
  });
}

void* rpp_helper_bytes_swapcase(void* b) {
  return mapped(b, [](uint8_t c) -> uint8_t { return ascii_lower(c) ? uint8_t(c - 32) : ascii_upper(c) ? uint8_t(c + 32) : c; });
}

// repr(b) as CPython writes it (b'...', or b"..." when it has ' and no "): KeyError's message.
void* rpp_helper_bytes_repr(void* b) {
  std::string_view v = view_of(b);
  char quote = v.find('\'') != std::string_view::npos && v.find('"') == std::string_view::npos ? '"' : '\'';
  static const char digits[] = "0123456789abcdef";
  std::string out = "b";
  out.push_back(quote);
  for (char ch : v) {
    uint8_t c = uint8_t(ch);
    if (c == uint8_t(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    } else out.push_back(char(c));
  }
  out.push_back(quote);
  return str_from_ascii(out);
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
