// The major collection: a minor collection first (the nursery is then empty), then mark from
// the roots (shadow stack, registered ranges, the pending exception, prebuilt objects ever
// written to) through the old generation, and sweep: arena cells and large objects left
// unmarked are freed, empty arenas go back to the OS. Objects outside the heap (prebuilt static
// data) are neither marked nor traced: a prebuilt object that can hold heap references was
// written through the barrier and is a root. The next major collection comes when the old
// generation has grown to `major_growth` times what survived.
#include <algorithm>

#include "runtime/gc/gen/heap.h"
#include "runtime/gc/gen/tracing.h"

namespace rpp::gc::gen {

size_t object_size_of(const GcHeader* obj) {
  const layout::TypeInfo& info = layout::rpp_globals.type_info_table[obj->tid];
  return object_size(info, object_length(info, obj));
}

GcHeader* allocate_old(Heap& heap, size_t size) {
  if (size <= kMaxSmallObject) return heap.old_space.allocate(size);
  return heap.large.allocate(size, 0, /*young=*/false);
}

namespace {

size_t old_generation_bytes(const Heap& heap) { return heap.old_space.live_bytes() + heap.large.old_bytes(); }

class Marker {
 public:
  explicit Marker(Heap& heap) : heap_(heap), stack_(heap.work) { stack_.clear(); }

  void visit(GcHeader** slot) {
    GcHeader* p = *slot;
    if (!p || (reinterpret_cast<uintptr_t>(p) & 1)) return;
    if (p->flags & (layout::kGcFlagMarked | layout::kGcFlagPrebuilt)) return;
    if (!heap_.old_space.contains(p) && !heap_.large.is_old_large(p)) return;  // static data
    p->flags |= layout::kGcFlagMarked;
    stack_.push_back(p);
  }

  void drain() {
    auto visitor = [this](GcHeader** slot) { visit(slot); };
    while (!stack_.empty()) {
      GcHeader* obj = stack_.back();
      stack_.pop_back();
      trace_object(obj, visitor);
    }
  }

 private:
  Heap& heap_;
  std::vector<GcHeader*>& stack_;
};

}  // namespace

void major_collection(Heap& heap) {
  minor_collection(heap);
  auto& g = layout::rpp_globals;
  Marker marker(heap);
  auto visitor = [&marker](GcHeader** slot) { marker.visit(slot); };
  for (GcHeader** slot = g.root_stack_base; slot < g.root_stack_top; ++slot) marker.visit(slot);
  for (auto& [start, count] : heap.root_ranges)
    for (uint64_t i = 0; i < count; ++i) marker.visit(start + i);
  marker.visit(&g.exc_value);
  for (GcHeader* prebuilt : heap.prebuilt_roots) trace_object(prebuilt, visitor);
  marker.drain();
  heap.old_space.sweep(heap.options.stress != 0, heap.options.major_growth - 1.0);
  heap.large.sweep();
  size_t live = old_generation_bytes(heap);
  heap.next_major_bytes = std::max(heap.min_major_bytes, size_t(double(live) * heap.options.major_growth));
  ++heap.major_collections;
}

void collect_after_minor_if_needed(Heap& heap) {
  if (old_generation_bytes(heap) >= heap.next_major_bytes) major_collection(heap);
}

}  // namespace rpp::gc::gen
