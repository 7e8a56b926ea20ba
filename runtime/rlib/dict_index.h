// The index table of the runtime's dicts (layout.h "Dicts"): how a hash is stored, how big the
// table is for a capacity, and the probe sequence. dict.cc probes with these at run time and the
// rtyper builds the index tables of prebuilt dicts with them at translation time, so lookups in
// a prebuilt dict find its entries.
#pragma once
#include <cstdint>
#include <vector>

namespace rpp::rlib {

inline constexpr int32_t kDictSlotFree = 0;
inline constexpr int32_t kDictSlotDeleted = 1;
// In slot 0 only: the table of a prebuilt dict with identity keys, whose hashes exist only at run
// time. The runtime stores the entries' hashes and refills the table in place before using it.
inline constexpr int32_t kDictSlotStale = -1;
inline constexpr int64_t kDictMinIndexes = 8;
inline constexpr int64_t kDictZeroHashReplacement = 0x2545F4914F6CDD1D;

// The hash an entry stores (never 0: 0 marks a deleted entry).
inline int64_t dict_stored_hash(int64_t hash) { return hash == 0 ? kDictZeroHashReplacement : hash; }

// The number of index slots (a power of two) for `capacity` entries.
inline int64_t dict_index_table_size_for(int64_t capacity) {
  int64_t n = kDictMinIndexes;
  while (n * 2 < capacity * 3) n *= 2;
  return n;
}

// The probe sequence over an index table of `count` slots (CPython's perturbation).
struct DictProbe {
  uint64_t mask, i, perturb;
  DictProbe(int64_t hash, int64_t count)
      : mask(uint64_t(count) - 1), i(uint64_t(hash) & mask), perturb(uint64_t(hash)) {}
  void next() {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
};

// Puts entry `entry` (whose key is in no slot yet) in the first free slot of its probe sequence,
// in an index table of `count` slots without deleted slots.
inline void dict_place_entry(int32_t* slots, int64_t count, int64_t stored_hash, int64_t entry) {
  DictProbe p(stored_hash, count);
  while (slots[p.i] != kDictSlotFree) p.next();
  slots[p.i] = int32_t(entry + 2);
}

// The index table of a dict whose entries 0..n-1 have these stored hashes (all distinct keys).
inline std::vector<int32_t> dict_build_index_table(const std::vector<int64_t>& stored_hashes) {
  std::vector<int32_t> slots(size_t(dict_index_table_size_for(int64_t(stored_hashes.size()))), kDictSlotFree);
  for (size_t e = 0; e < stored_hashes.size(); ++e)
    dict_place_entry(slots.data(), int64_t(slots.size()), stored_hashes[e], int64_t(e));
  return slots;
}

// The index table of a prebuilt dict of n identity-keyed entries: its size, marked stale.
inline std::vector<int32_t> dict_stale_index_table(int64_t n) {
  std::vector<int32_t> slots(size_t(dict_index_table_size_for(n)), kDictSlotFree);
  slots[0] = kDictSlotStale;
  return slots;
}

}  // namespace rpp::rlib
