// Inline fast paths of the runtime helpers flagged InlineFastPath in runtime/helpers.def:
// `rpp_fast_NAME` has the signature of `rpp_helper_NAME` (runtime/rlib/helpers.h), does the
// common case inline in the emitted code and calls the helper for the rest. genc calls these
// instead of the helpers (translator/genc/operation_writer.cc); the results are the helpers'.
#pragma once
#include <cstdint>

#include "runtime/layout.h"
#include "runtime/rlib/dict_index.h"
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

// Dict lookups (runtime/rlib/dict.cc): the first probe inline. A free slot there means absent
// (-1); an entry with the same stored hash and the same key (for str keys: the same object, as
// interned names are, else equal characters) is the answer; anything else takes the helper's
// whole probe sequence.
namespace rpp::rlib::fast {

// The entry the first probe for `stored_hash` reaches (with its index in `e`), or null with
// `e` = -1 for a free slot or -2 for a deleted one.
inline const char* dict_first_probe(void* d, int64_t stored_hash, int64_t& e) {
  namespace layout = rpp::layout;
  void* indexes = layout::read_at<void*>(d, layout::kDictIndexesOffset);
  uint64_t mask = uint64_t(layout::array_length(indexes)) - 1;
  int32_t s = reinterpret_cast<const int32_t*>(static_cast<const char*>(indexes) +
                                               layout::kArrayItemsOffset)[uint64_t(stored_hash) & mask];
  if (s < 2) {
    e = s == rpp::rlib::kDictSlotFree ? -1 : -2;
    return nullptr;
  }
  e = s - 2;
  void* entries = layout::read_at<void*>(d, layout::kDictEntriesOffset);
  const layout::TypeInfo& info = layout::rpp_globals.type_info_table[layout::type_id_of(entries)];
  return static_cast<const char*>(entries) + info.items_offset + size_t(e) * info.item_size;
}

}  // namespace rpp::rlib::fast

inline int64_t rpp_fast_dict_lookup_int(void* d, int64_t key) {
  int64_t hash = rpp::rlib::dict_stored_hash(key), e;
  const char* entry = rpp::rlib::fast::dict_first_probe(d, hash, e);
  if (!entry) {
    if (e == -1) return -1;
  } else if (rpp::layout::read_at<int64_t>(entry, rpp::layout::kDictEntryHashOffset) == hash &&
             rpp::layout::read_at<int64_t>(entry, rpp::layout::kDictEntryKeyOffset) == key) {
    return e;
  }
  return rpp_helper_dict_lookup_int(d, key);
}

inline int64_t rpp_fast_dict_lookup_str(void* d, void* key, int64_t hash) {
  int64_t stored = rpp::rlib::dict_stored_hash(hash), e;
  const char* entry = rpp::rlib::fast::dict_first_probe(d, stored, e);
  if (!entry) {
    if (e == -1) return -1;
  } else if (rpp::layout::read_at<int64_t>(entry, rpp::layout::kDictEntryHashOffset) == stored) {
    // The same hash: almost always the same string, as another object (keys made at run time).
    void* found = rpp::layout::read_at<void*>(entry, rpp::layout::kDictEntryKeyOffset);
    if (found == key || rpp_helper_str_eq(found, key)) return e;
  }
  return rpp_helper_dict_lookup_str(d, key, hash);
}
