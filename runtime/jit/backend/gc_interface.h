// What the JIT needs from the garbage collector: the contract between the machine code the
// backend emits (and the reference interpreter) and a GC. A GC fills in a GcForJit; the test GC
// (runtime/jit/testing/test_gc.h) implements it for the JIT's own tests.
//
// Besides these hooks the JIT relies on runtime/layout.h:
//  - nursery fast path: `p = rpp_globals.nursery_free; if (rpp_globals.nursery_top - p < size)
//    call malloc_*; else rpp_globals.nursery_free = p + size;` then the header {tid, flags = 0} is
//    written. **The memory between nursery_free and nursery_top is zero** (the JIT does not
//    clear new objects); `size` is a multiple of 8 and at least layout::kMinObjectSize.
//  - write barrier: before storing a reference into an object whose header has
//    kGcFlagTrackYoungPtrs, call write_barrier(gc, object).
//  - roots: the shadow stack of rpp_globals. While machine code runs, its JIT frame is in a
//    shadow-stack slot; the machine code reloads its frame pointer from that slot after every
//    call that may collect (the GC may move the frame).
//  - JIT frames (runtime/jit/backend/jitframe.h) are GC objects of type id kTidJitFrame whose
//    references are the slots the frame's gcmap marks, plus guard_exc and forward.
//  - references in compiled code live in per-loop tables registered with add_roots.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/layout.h"

namespace rpp::jit {

struct GcForJit {
  void* gc = nullptr;  // the first argument of every hook

  // Slow paths of allocation (System V calls from machine code). They may collect; they return
  // a zeroed object with its header written. Running out of memory is a fatal error.
  layout::GcHeader* (*malloc_fixed)(void* gc, uint64_t tid, uint64_t size) = nullptr;
  // Arrays, strings and JIT frames: the size comes from the type info (length_offset,
  // items_offset, item_size; strings by layout::str_allocation_size); the length is stored.
  layout::GcHeader* (*malloc_varsize)(void* gc, uint64_t tid, int64_t length) = nullptr;

  // The write barrier's slow path: `object` has kGcFlagTrackYoungPtrs set.
  void (*write_barrier)(void* gc, layout::GcHeader* object) = nullptr;

  // Extra roots: `count` words at `start` holding references (or null), scanned and updated at
  // every collection until removed.
  void (*add_roots)(void* gc, layout::GcHeader** start, size_t count) = nullptr;
  void (*remove_roots)(void* gc, layout::GcHeader** start) = nullptr;

  // The largest object the nursery fast path may allocate (bigger ones go to malloc_*).
  uint64_t max_nursery_object_size = 0;
};

}  // namespace rpp::jit
