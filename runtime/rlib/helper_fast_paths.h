// Inline fast paths of the runtime helpers flagged InlineFastPath in runtime/helpers.def:
// `rpp_fast_NAME` has the signature of `rpp_helper_NAME` (runtime/rlib/helpers.h), does the
// common case inline in the emitted code and calls the helper for the rest. genc calls these
// instead of the helpers (translator/genc/operation_writer.cc); the results are the helpers'.
#pragma once
#include <cstdint>

#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"

// The cached hash (computed once, never 0 afterwards; prebuilt strs carry theirs).
inline int64_t rpp_fast_str_hash(void* s) {
  int64_t h = rpp::layout::read_at<int64_t>(s, rpp::layout::kStrHashOffset);
  if (__builtin_expect(h != 0, 1)) return h;
  return rpp_helper_str_hash(s);
}

// The same object, or a different length, or two computed hashes that differ, decide without
// comparing characters.
inline bool rpp_fast_str_eq(void* a, void* b) {
  if (a == b) return true;
  if (!a || !b) return false;
  if (rpp::layout::str_length(a) != rpp::layout::str_length(b)) return false;
  int64_t ha = rpp::layout::read_at<int64_t>(a, rpp::layout::kStrHashOffset);
  int64_t hb = rpp::layout::read_at<int64_t>(b, rpp::layout::kStrHashOffset);
  if (ha != 0 && hb != 0 && ha != hb) return false;
  return rpp_helper_str_eq(a, b);
}
