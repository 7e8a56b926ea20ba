// The GcForJit hooks (runtime/jit/backend/gc_interface.h) of the GC a program links: each hook
// is the gc.h function of the same name, so the JIT's machine code and its C++ side use the
// program's collector (gen, boehm or semispace). In layout.h terms, what the JIT relies on:
//  - nursery fast path on rpp_globals.nursery_free/nursery_top, objects up to
//    max_nursery_object_size (0 under boehm/semispace: always call malloc_*);
//  - write barrier: test kGcFlagTrackYoungPtrs in the flags word (offset kGcFlagsOffset), call
//    write_barrier (rpp_gc_write_barrier) when set; objects allocated since the last call that
//    can collect never need it (young, or large and still young);
//  - JIT frames: GC objects of type id kTidJitFrame referenced from a shadow-stack slot while
//    they run, traced by their gcmap (guard_exc, forward and the marked slots). Machine code
//    stores references into the running frame's slots without a write barrier: the generational
//    GC rescans every old JIT frame on the shadow stack at each minor collection (a frame that
//    is not on the shadow stack must be written with the barrier);
//  - per-loop reference tables: add_roots(table, n) when the loop is compiled, remove_roots(table)
//    when it is freed; every collection updates the table's words in place.
#pragma once
#include "runtime/jit/backend/gc_interface.h"

namespace rpp::gc {

jit::GcForJit gc_for_jit();

}  // namespace rpp::gc
