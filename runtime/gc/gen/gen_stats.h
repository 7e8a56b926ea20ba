// Statistics and test hooks of the generational GC (`gen` only; tests and benchmarks).
#pragma once
#include <cstdint>

#include "runtime/layout.h"

struct RppGcGenStats {
  uint64_t minor_collections;
  uint64_t major_collections;
  uint64_t nursery_bytes;
  uint64_t old_small_bytes;   // bytes of arena cells in use (live after the last major collection)
  uint64_t old_large_bytes;
  uint64_t old_large_count;
  uint64_t arenas_in_use;
  uint64_t arenas_free;       // free, kept for reuse
  uint64_t arenas_released;   // free and given back to the OS
  uint64_t remembered;        // objects in the remembered set now
  uint64_t prebuilt_roots;    // prebuilt objects written to so far
};

extern "C" {
void rpp_gc_gen_stats(RppGcGenStats* out);
// Whether the object is young (in the nursery, or a large object not yet through a minor
// collection).
int rpp_gc_gen_is_young(const rpp::layout::GcHeader* object);
}
