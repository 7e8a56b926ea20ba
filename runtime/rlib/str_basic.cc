// The basic str helpers: concatenation, equality, ordering, slicing, one-char strings, chr and
// repetition. Results are narrow whenever every code point is below 256 (layout.h).
#include <cstring>

#include "runtime/gc/roots.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
using rpp::gc::Rooted;

namespace {

// Copies src[start:start+n] into dst (wide or narrow) at `at`; dst is wide if src is.
void copy_chars(void* dst, int64_t at, const void* src, int64_t start, int64_t n) {
  StrView s(src);
  if (rpp::layout::str_is_wide(dst)) {
    char32_t* out = mutable_wide_chars(dst) + at;
    if (s.wide) std::memcpy(out, s.wide_chars() + start, size_t(n) * 4);
    else for (int64_t i = 0; i < n; ++i) out[i] = s.narrow()[start + i];
  } else {
    std::memcpy(mutable_narrow_chars(dst) + at, s.narrow() + start, size_t(n));
  }
}

// Whether s[start:stop] has a code point >= 256 (then the slice of a wide string stays wide).
bool range_is_wide(const StrView& s, int64_t start, int64_t stop) {
  if (!s.wide) return false;
  for (int64_t i = start; i < stop; ++i)
    if (s.wide_chars()[i] >= 256) return true;
  return false;
}

}  // namespace

extern "C" {

void* rpp_helper_str_concat(void* a, void* b) {
  int64_t la = rpp::layout::str_length(a), lb = rpp::layout::str_length(b);
  if (la == 0) return b;
  if (lb == 0) return a;
  if (la + lb < la) rpp_fatal_error_cstr("out of memory (string too long)");
  bool wide = rpp::layout::str_is_wide(a) || rpp::layout::str_is_wide(b);
  Rooted<void> ra(a), rb(b);
  void* r = alloc_str(la + lb, wide);
  copy_chars(r, 0, ra.get(), 0, la);
  copy_chars(r, la, rb.get(), 0, lb);
  return r;
}

bool rpp_helper_str_eq(void* a, void* b) {
  if (a == b) return true;
  if (!a || !b) return false;
  int64_t n = rpp::layout::str_length(a);
  if (n != rpp::layout::str_length(b)) return false;
  // Both hashes computed (cached, never 0 once computed) and different: different strings.
  int64_t ha = rpp::layout::read_at<int64_t>(a, rpp::layout::kStrHashOffset);
  int64_t hb = rpp::layout::read_at<int64_t>(b, rpp::layout::kStrHashOffset);
  if (ha != 0 && hb != 0 && ha != hb) return false;
  bool wide = rpp::layout::str_is_wide(a);
  if (wide != rpp::layout::str_is_wide(b)) return false;  // one representation per str
  return std::memcmp(static_cast<char*>(a) + rpp::layout::kStrCharsOffset,
                     static_cast<char*>(b) + rpp::layout::kStrCharsOffset, size_t(n) * (wide ? 4 : 1)) == 0;
}

int64_t rpp_helper_str_cmp(void* a, void* b) {
  StrView x(a), y(b);
  int64_t n = x.length < y.length ? x.length : y.length;
  if (!x.wide && !y.wide) {
    int c = std::memcmp(x.narrow(), y.narrow(), size_t(n));
    if (c) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; ++i)
      if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

void* rpp_helper_str_slice(void* s, int64_t start, int64_t stop) {
  int64_t length = rpp::layout::str_length(s);
  normalize_slice(length, start, stop);
  int64_t n = stop - start;
  if (n == length) return s;
  if (n == 0) return empty_str();
  StrView view(s);
  if (n == 1) return str_of_char(view[start]);
  bool wide = range_is_wide(view, start, stop);
  Rooted<void> rs(s);
  void* r = alloc_str(n, wide);
  if (!wide && StrView(rs.get()).wide) {
    StrView src(rs.get());
    uint8_t* out = mutable_narrow_chars(r);
    for (int64_t i = 0; i < n; ++i) out[i] = uint8_t(src.wide_chars()[start + i]);
  } else {
    copy_chars(r, 0, rs.get(), start, n);
  }
  return r;
}

void* rpp_helper_str_from_char(char32_t c) { return str_of_char(c); }

void* rpp_helper_str_chr(int64_t code) {
  if (code < 0 || code >= 0x110000) {
    raise_builtin(rpp::layout::kExcValueError, std::string_view("chr() arg not in range(0x110000)"));
    return nullptr;
  }
  return str_of_char(char32_t(code));
}

void* rpp_helper_str_mul(void* s, int64_t times) {
  int64_t n = rpp::layout::str_length(s);
  if (times <= 0 || n == 0) return empty_str();
  if (times == 1) return s;
  int64_t total;
  if (__builtin_mul_overflow(n, times, &total)) rpp_fatal_error_cstr("out of memory (string too long)");
  bool wide = rpp::layout::str_is_wide(s);
  Rooted<void> rs(s);
  void* r = alloc_str(total, wide);
  size_t unit = size_t(n) * (wide ? 4 : 1);
  char* out = static_cast<char*>(r) + rpp::layout::kStrCharsOffset;
  std::memcpy(out, static_cast<char*>(rs.get()) + rpp::layout::kStrCharsOffset, unit);
  size_t done = unit, want = unit * size_t(times);
  while (done < want) {  // doubling copies
    size_t chunk = done < want - done ? done : want - done;
    std::memcpy(out + done, out, chunk);
    done += chunk;
  }
  return r;
}

}  // extern "C"
