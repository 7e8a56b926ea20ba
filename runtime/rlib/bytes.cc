// bytes helpers: concatenation, equality, ordering, slicing (bytes use the narrow str layout
// with their own type id; b[i] and len are inline operations).
#include <cstring>

#include "runtime/gc/roots.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/str_object.h"

using namespace rpp::rlib;
namespace layout = rpp::layout;

extern "C" {

void* rpp_helper_bytes_concat(void* a, void* b) {
  int64_t la = layout::str_length(a), lb = layout::str_length(b);
  if (la == 0) return b;
  if (lb == 0) return a;
  if (la + lb < la) rpp_fatal_error_cstr("out of memory (bytes too long)");
  rpp::gc::Rooted<void> ra(a), rb(b);
  void* r = alloc_bytes(la + lb);
  std::memcpy(mutable_narrow_chars(r), layout::str_narrow_chars(ra.get()), size_t(la));
  std::memcpy(mutable_narrow_chars(r) + la, layout::str_narrow_chars(rb.get()), size_t(lb));
  return r;
}

bool rpp_helper_bytes_eq(void* a, void* b) {
  if (a == b) return true;
  if (!a || !b) return false;
  int64_t n = layout::str_length(a);
  return n == layout::str_length(b) && std::memcmp(layout::str_narrow_chars(a), layout::str_narrow_chars(b), size_t(n)) == 0;
}

int64_t rpp_helper_bytes_cmp(void* a, void* b) {
  int64_t la = layout::str_length(a), lb = layout::str_length(b);
  int c = std::memcmp(layout::str_narrow_chars(a), layout::str_narrow_chars(b), size_t(la < lb ? la : lb));
  if (c) return c < 0 ? -1 : 1;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

void* rpp_helper_bytes_slice(void* b, int64_t start, int64_t stop) {
  int64_t length = layout::str_length(b);
  normalize_slice(length, start, stop);
  if (stop - start == length) return b;
  if (stop == start) return empty_bytes();
  rpp::gc::Rooted<void> rb(b);
  void* r = alloc_bytes(stop - start);
  std::memcpy(mutable_narrow_chars(r), layout::str_narrow_chars(rb.get()) + start, size_t(stop - start));
  return r;
}

}  // extern "C"
