// The generational GC's internal state and the functions its files share (docs/gc.md): a
// bump-pointer nursery (nursery.cc), a non-moving old generation of size-class arenas
// (old_space.cc) and large objects (large_objects.cc), the remembered set (write_barrier.cc),
// minor and major collections (minor_collection.cc, major_collection.cc). Only gc_gen.cc, the
// extern "C" interface of gc.h, creates a Heap; it lives in rpp_globals.gc_state.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "runtime/gc/gen/large_objects.h"
#include "runtime/gc/gen/nursery.h"
#include "runtime/gc/gen/old_space.h"
#include "runtime/layout.h"

namespace rpp::gc::gen {

using layout::GcHeader;

// The GC's private header flags (layout.h gives it bits 16..31).
// An old object that was copied out of the nursery after its identity hash was taken: the hash
// is the word right after the object (at its object_size).
inline constexpr uint32_t kFlagHashField = layout::kGcFlagFirstPrivate << 0;
// A large object allocated since the last minor collection: young, although it never moves.
inline constexpr uint32_t kFlagYoungLarge = layout::kGcFlagFirstPrivate << 1;
// A prebuilt object already in Heap::prebuilt_roots (it was written to once).
inline constexpr uint32_t kFlagPrebuiltRooted = layout::kGcFlagFirstPrivate << 2;

struct Options {
  size_t nursery_bytes = 0;   // 0: the L2 cache size
  int stress = 0;             // 1: a minor collection at every slow-path allocation (major every
                              // kStressMajorEvery); 2: a major one at every allocation
  double major_growth = 1.82; // next major collection when the old generation reaches live * this
};

inline constexpr uint64_t kStressMajorEvery = 16;

struct Heap {
  Options options;
  Nursery nursery;
  OldSpace old_space;
  LargeObjects large;
  // Old objects that received a young reference since the last minor collection (the write
  // barrier cleared their kGcFlagTrackYoungPtrs), and large arrays with cards set.
  std::vector<GcHeader*> remembered;
  std::vector<GcHeader*> card_arrays;
  // Prebuilt objects ever written to: roots of every major collection.
  std::vector<GcHeader*> prebuilt_roots;
  std::vector<std::pair<GcHeader**, uint64_t>> root_ranges;
  // Old bytes that trigger the next major collection.
  size_t next_major_bytes = 0;
  size_t min_major_bytes = 0;
  uint64_t minor_collections = 0;
  uint64_t major_collections = 0;
  uint64_t slow_allocations = 0;
  std::vector<GcHeader*> work;  // the scan queue / mark stack, kept to reuse its memory
  // The identity hashes taken of nursery objects since the last minor collection (by their
  // nursery address), and how many such hashes were ever given (identity_hash.cc).
  std::unordered_map<const GcHeader*, int64_t> young_hashes;
  uint64_t young_hashes_given = 0;
};

inline Heap& heap() { return *static_cast<Heap*>(layout::rpp_globals.gc_state); }

// Bytes of an object by its type info (without a hash field).
size_t object_size_of(const GcHeader* obj);

// minor_collection.cc: copies the nursery's survivors out, frees unreached young large objects,
// empties the remembered set; then a major collection if the old generation grew enough.
void minor_collection(Heap& heap);
void collect_after_minor_if_needed(Heap& heap);
// major_collection.cc: a minor collection, then mark-sweep of the old generation.
void major_collection(Heap& heap);

// An old object of `size` bytes (not zeroed, no header): an arena cell or a large block.
GcHeader* allocate_old(Heap& heap, size_t size);

// identity_hash.cc: the hash of an address (never 0); the hash taken of a nursery object
// (kGcFlagHashTaken), which the minor collection stores after its copy.
int64_t hash_of_address(const void* p);
int64_t young_hash(Heap& heap, const GcHeader* young);

}  // namespace rpp::gc::gen
