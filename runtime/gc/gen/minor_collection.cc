// The minor collection: every young object reachable from the roots (shadow stack, registered
// ranges, the pending exception, old JIT frames on the shadow stack) or from a remembered old object is copied out of the nursery
// into the old generation (arena cell or large block) and left a forwarding pointer; young large
// objects reached become old in place, the others are freed. Copies keep a taken identity hash
// in an extra word. Afterwards the nursery is empty and zeroed and the remembered set is empty.
#include <cstring>

#include "runtime/gc/gen/heap.h"
#include "runtime/gc/gen/tracing.h"

namespace rpp::gc::gen {

namespace {

// Most objects are a few words: a loop beats a call to memcpy.
inline void copy_words(void* to, const void* from, size_t bytes) {
  auto* d = static_cast<uint64_t*>(to);
  auto* s = static_cast<const uint64_t*>(from);
  for (size_t i = 0; i < bytes / 8; ++i) d[i] = s[i];
}

class MinorCollector {
 public:
  explicit MinorCollector(Heap& heap) : heap_(heap), work_(heap.work) { work_.clear(); }

  void visit(GcHeader** slot) {
    GcHeader* p = *slot;
    if (!p || (reinterpret_cast<uintptr_t>(p) & 1)) return;
    if (heap_.nursery.contains(p)) {
      *slot = (p->flags & layout::kGcFlagForwarded) ? layout::read_at<GcHeader*>(p, 8) : copy_out(p);
    } else if (p->flags & kFlagYoungLarge) {
      p->flags &= ~kFlagYoungLarge;
      work_.push_back(p);
    }
  }

  void drain() {
    auto visitor = [this](GcHeader** slot) { visit(slot); };
    while (!work_.empty()) {
      GcHeader* obj = work_.back();
      work_.pop_back();
      trace_object(obj, visitor);
    }
  }

 private:
  GcHeader* copy_out(GcHeader* young) {
    size_t size = object_size_of(young);
    bool hashed = young->flags & layout::kGcFlagHashTaken;
    GcHeader* copy = allocate_old(heap_, size + (hashed ? 8 : 0));
    copy_words(copy, young, size);
    uint32_t flags = (young->flags & ~layout::kGcFlagHashTaken) | layout::kGcFlagTrackYoungPtrs;
    if (hashed) {
      flags |= kFlagHashField;
      layout::write_at<int64_t>(copy, size, young_hash(heap_, young));
    }
    copy->flags = flags;
    young->flags |= layout::kGcFlagForwarded;
    layout::write_at<GcHeader*>(young, 8, copy);
    work_.push_back(copy);
    return copy;
  }

  Heap& heap_;
  std::vector<GcHeader*>& work_;
};

void trace_cards(GcHeader* array, MinorCollector& collector) {
  const layout::TypeInfo& info = layout::rpp_globals.type_info_table[array->tid];
  int64_t length = object_length(info, array);
  uint8_t* cards = card_table(array);
  int64_t card_count = (length + kItemsPerCard - 1) / kItemsPerCard;
  auto visitor = [&collector](GcHeader** slot) { collector.visit(slot); };
  for (int64_t c = 0; c < card_count; ++c) {
    if (!cards[c]) continue;
    cards[c] = 0;
    int64_t from = c * kItemsPerCard;
    trace_items(array, info, from, std::min(length, from + kItemsPerCard), visitor);
  }
}

}  // namespace

void minor_collection(Heap& heap) {
  auto& g = layout::rpp_globals;
  MinorCollector collector(heap);
  auto visitor = [&collector](GcHeader** slot) { collector.visit(slot); };
  for (GcHeader** slot = g.root_stack_base; slot < g.root_stack_top; ++slot) {
    collector.visit(slot);
    // A running JIT frame (referenced from the shadow stack) receives references in its slots
    // without write barriers: an old one is rescanned at every minor collection.
    GcHeader* p = *slot;
    if (p && !(reinterpret_cast<uintptr_t>(p) & 1) && p->tid == layout::kTidJitFrame &&
        !(p->flags & kFlagYoungLarge) && !heap.nursery.contains(p))
      trace_object(p, visitor);
  }
  for (auto& [start, count] : heap.root_ranges)
    for (uint64_t i = 0; i < count; ++i) collector.visit(start + i);
  collector.visit(&g.exc_value);
  // Old objects written since the last minor collection: whole, or the cards of big arrays.
  for (GcHeader* obj : heap.remembered) {
    trace_object(obj, visitor);
    obj->flags |= layout::kGcFlagTrackYoungPtrs;
  }
  heap.remembered.clear();
  for (GcHeader* array : heap.card_arrays) {
    // Remembered whole meanwhile (rpp_gc_write_barrier) arrays were traced above.
    if (array->flags & layout::kGcFlagCardsSet) trace_cards(array, collector);
    array->flags &= ~layout::kGcFlagCardsSet;
  }
  heap.card_arrays.clear();
  collector.drain();
  // Young large objects: reached ones (flag cleared by visit) become old, the others die.
  for (GcHeader* obj : heap.large.young()) {
    if (obj->flags & kFlagYoungLarge) {
      heap.large.free(obj);
      continue;
    }
    heap.large.promote(obj);
    obj->flags |= layout::kGcFlagTrackYoungPtrs;
    if (large_prefix(obj)->card_bytes) obj->flags |= layout::kGcFlagHasCards;
  }
  heap.large.clear_young();
  heap.young_hashes.clear();
  heap.nursery.reset();
  ++heap.minor_collections;
}

}  // namespace rpp::gc::gen
