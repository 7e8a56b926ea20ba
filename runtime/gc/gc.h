// The GC interface (docs/gc-interface.md): what emitted code, C++ helpers and the JIT call to
// allocate, to keep the write barrier, to add roots, to hash by identity and to collect. Every
// GC implementation (boehm: gc_boehm.cc; the moving checker for tests: gc_semispace.cc; the
// generational GC later) defines these extern "C" functions; a program links exactly one.
//
// Objects follow runtime/layout.h. Allocation never fails (out of memory is a fatal error) and
// returns zeroed memory with the header {tid, flags} and, for varsize types, the length written.
// Any call here except the write barrier and the identity hash may collect; a moving GC then
// updates the shadow stack (rpp_globals.root_stack_*), registered root ranges and
// rpp_globals.exc_value, and nothing else: C++ code keeps references across these calls only in
// Rooted slots (runtime/gc/roots.h).
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/gc/type_info.h"
#include "runtime/layout.h"

extern "C" {

// Installs the GC: the type-info table (indexed by type id; entries below kFirstGeneratedTid
// are runtime_type_info()), the shadow stack, the nursery pointers. Called once, first.
void rpp_gc_init(const rpp::layout::TypeInfo* type_info_table, uint64_t type_info_count);

// The implementation's name ("boehm", "semispace", "gen").
const char* rpp_gc_name(void);

// Allocation slow paths (also what emitted code and the JIT call when the nursery fast path of
// layout.h fails). `size` is the object's size from its TypeInfo, a multiple of 8, >= 16.
rpp::layout::GcHeader* rpp_gc_malloc_fixed(uint64_t tid, uint64_t size);
rpp::layout::GcHeader* rpp_gc_malloc_varsize(uint64_t tid, int64_t length);

// Write-barrier slow paths: called before storing a GC pointer into `object` when its header
// has kGcFlagTrackYoungPtrs (and, for arrays with kGcFlagHasCards, the array variant with the
// index written). Never collect.
void rpp_gc_write_barrier(rpp::layout::GcHeader* object);
void rpp_gc_write_barrier_array(rpp::layout::GcHeader* array, int64_t index);

// Extra roots (the JIT's per-loop reference tables): `count` words from `start`, each null or a
// GC pointer, traced and updated at every collection until removed.
void rpp_gc_add_roots(rpp::layout::GcHeader** start, uint64_t count);
void rpp_gc_remove_roots(rpp::layout::GcHeader** start);

// A hash of the object's identity, stable for its lifetime (also across moves), never 0.
int64_t rpp_gc_identity_hash(rpp::layout::GcHeader* object);

// A full collection now.
void rpp_gc_collect(void);
// Stress mode (also RPP_GC_STRESS=1 at init): collect at every allocation that may collect.
void rpp_gc_set_stress(int on);
// Collections so far (tests and statistics).
uint64_t rpp_gc_collection_count(void);

// The largest object the inline nursery fast path may allocate (0: no nursery; always call
// the slow paths).
uint64_t rpp_gc_max_nursery_object_size(void);

// A thread that runs RPython code (main support runs the program on a big-stack thread):
// register it with its stack's highest address before it touches GC objects.
void rpp_gc_register_thread(void* stack_base);
void rpp_gc_unregister_thread(void);
}

namespace rpp::gc {

inline const layout::TypeInfo& type_info(uint32_t tid) { return layout::rpp_globals.type_info_table[tid]; }

// Every GC with a nursery takes objects up to this size from the inline fast path
// (rpp_gc_max_nursery_object_size() is at least this, or 0 when there is no nursery).
inline constexpr uint64_t kInlineAllocationMax = 1024;

// The nursery fast path of layout.h alone: a zeroed fixed-size object of `size` bytes (its
// TypeInfo's) with its header written, or null when the slow path must allocate it (no room,
// too big, no nursery: under Boehm and semispace, and in stress mode, the nursery pointers
// leave no room). Emitted code calls it first and saves its roots only around the slow path.
inline layout::GcHeader* nursery_allocate_fixed(uint32_t tid, uint64_t size) {
  auto& g = layout::rpp_globals;
  char* p = g.nursery_free;
  if (__builtin_expect(size > kInlineAllocationMax || uint64_t(g.nursery_top - p) < size, 0)) return nullptr;
  g.nursery_free = p + size;
  auto* h = reinterpret_cast<layout::GcHeader*>(p);
  h->tid = tid;
  h->flags = 0;
  return h;
}

// The same for a var-sized object (not a str or bytes: their zero byte is the slow path's) of
// `length` items, with the layout constants of its TypeInfo as emitted code knows them: the
// length word is written; a large or negative length is the slow path's (null).
inline layout::GcHeader* nursery_allocate_varsize(uint32_t tid, int64_t length, uint64_t items_offset,
                                                  uint64_t item_size, uint64_t length_offset) {
  if (__builtin_expect(uint64_t(length) > kInlineAllocationMax, 0)) return nullptr;
  uint64_t size = round_up_object_size(items_offset + item_size * uint64_t(length));
  layout::GcHeader* h = nursery_allocate_fixed(tid, size);
  if (h) layout::write_at<int64_t>(h, length_offset, length);
  return h;
}

// The fast path with the slow path as a call.
inline layout::GcHeader* malloc_fixed_inline(uint32_t tid, uint64_t size) {
  if (layout::GcHeader* h = nursery_allocate_fixed(tid, size)) return h;
  return rpp_gc_malloc_fixed(tid, size);
}
inline layout::GcHeader* malloc_varsize_inline(uint32_t tid, int64_t length, uint64_t items_offset, uint64_t item_size,
                                               uint64_t length_offset) {
  if (layout::GcHeader* h = nursery_allocate_varsize(tid, length, items_offset, item_size, length_offset)) return h;
  return rpp_gc_malloc_varsize(tid, length);
}

// Fixed-size object of a type id whose TypeInfo is installed.
inline layout::GcHeader* allocate_fixed(uint32_t tid) {
  return malloc_fixed_inline(tid, object_size(type_info(tid), 0));
}
// Varsize object (array, string, struct ending in an array) of `length` items.
inline layout::GcHeader* allocate_varsize(uint32_t tid, int64_t length) {
  return rpp_gc_malloc_varsize(tid, length);
}

// The inline part of the write barrier: call before storing a GC pointer into `object`.
inline void write_barrier(void* object) {
  auto* h = static_cast<layout::GcHeader*>(object);
  if (h->flags & layout::kGcFlagTrackYoungPtrs) rpp_gc_write_barrier(h);
}
// The same for an item of an array.
inline void write_barrier_array(void* array, int64_t index) {
  auto* h = static_cast<layout::GcHeader*>(array);
  if (h->flags & layout::kGcFlagTrackYoungPtrs) {
    if (h->flags & layout::kGcFlagHasCards) rpp_gc_write_barrier_array(h, index);
    else rpp_gc_write_barrier(h);
  }
}

// Stores a GC pointer into a field of a GC object, with the barrier.
inline void store_ref(void* object, size_t offset, const void* value) {
  write_barrier(object);
  layout::write_at<const void*>(object, offset, value);
}

}  // namespace rpp::gc
