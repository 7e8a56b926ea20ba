// Enumerating the GC pointers of an object from its TypeInfo (layout.h): the fixed part's
// gc_ptr_offsets, then, for varsize types whose items hold GC pointers, item_gc_ptr_offsets
// within each item. JIT frames (kTidJitFrame) are traced by their gcmap: guard_exc, forward and
// the slots whose bit is set (runtime/jit/backend/jitframe.h; docs/gc-interface.md).
#pragma once
#include <cstdint>

#include "runtime/gc/gen/large_objects.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"

namespace rpp::gc::gen {

// Calls visit(GcHeader** slot) for every GC pointer field of items [from, to) of a varsize object.
template <class Visit>
inline void trace_items(layout::GcHeader* obj, const layout::TypeInfo& info, int64_t from, int64_t to, Visit&& visit) {
  char* base = reinterpret_cast<char*>(obj);
  for (int64_t k = from; k < to; ++k) {
    char* item = base + info.items_offset + size_t(k) * info.item_size;
    for (uint32_t i = 0; i < info.item_gc_ptr_count; ++i)
      visit(reinterpret_cast<layout::GcHeader**>(item + info.item_gc_ptr_offsets[i]));
  }
}

template <class Visit>
inline void trace_jit_frame(layout::GcHeader* frame, Visit&& visit) {
  char* base = reinterpret_cast<char*>(frame);
  visit(reinterpret_cast<layout::GcHeader**>(base + 32));  // guard_exc
  visit(reinterpret_cast<layout::GcHeader**>(base + 40));  // forward
  auto* gcmap = layout::read_at<const uint64_t*>(base, 24);
  if (!gcmap) return;
  int64_t length = layout::read_at<int64_t>(base, 48);
  for (uint64_t w = 0; w < gcmap[0]; ++w) {
    uint64_t bits = gcmap[1 + w];
    while (bits) {
      int b = __builtin_ctzll(bits);
      bits &= bits - 1;
      int64_t slot = int64_t(w * 64 + uint64_t(b));
      if (slot < length) visit(reinterpret_cast<layout::GcHeader**>(base + 56 + 8 * slot));
    }
  }
}

// Calls visit(GcHeader** slot) for every GC pointer field of obj.
template <class Visit>
inline void trace_object(layout::GcHeader* obj, Visit&& visit) {
  if (obj->tid == layout::kTidJitFrame) {
    trace_jit_frame(obj, visit);
    return;
  }
  const layout::TypeInfo& info = layout::rpp_globals.type_info_table[obj->tid];
  char* base = reinterpret_cast<char*>(obj);
  for (uint32_t i = 0; i < info.gc_ptr_count; ++i)
    visit(reinterpret_cast<layout::GcHeader**>(base + info.gc_ptr_offsets[i]));
  if ((info.flags & layout::kTypeInfoItemsHaveGcPtrs) && info.item_gc_ptr_count)
    trace_items(obj, info, 0, object_length(info, obj), visit);
}

// Whether a varsize type gets a card table when it is large.
inline bool type_has_cards(const layout::TypeInfo& info, int64_t length) {
  return (info.flags & layout::kTypeInfoVarsize) && (info.flags & layout::kTypeInfoItemsHaveGcPtrs) &&
         info.item_gc_ptr_count && length >= kCardMinItems;
}

}  // namespace rpp::gc::gen
