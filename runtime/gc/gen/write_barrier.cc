// The write barrier's slow paths (gc.h). An old object with kGcFlagTrackYoungPtrs that is about
// to receive a GC pointer joins the remembered set and loses the flag (later stores into it are
// free until the next minor collection, which scans it and sets the flag again). A large array
// with cards only marks the card of the item written. A prebuilt object is also remembered as a
// root of every major collection from its first write on. Never collects.
#include "runtime/gc/gc.h"
#include "runtime/gc/gen/heap.h"

using rpp::gc::gen::GcHeader;
using rpp::gc::gen::heap;
using rpp::gc::gen::Heap;
namespace layout = rpp::layout;

extern "C" {

void rpp_gc_write_barrier(GcHeader* object) {
  uint32_t flags = object->flags;
  if (!(flags & layout::kGcFlagTrackYoungPtrs)) return;
  Heap& h = heap();
  if ((flags & layout::kGcFlagPrebuilt) && !(flags & rpp::gc::gen::kFlagPrebuiltRooted)) {
    flags |= rpp::gc::gen::kFlagPrebuiltRooted;
    h.prebuilt_roots.push_back(object);
  }
  object->flags = flags & ~layout::kGcFlagTrackYoungPtrs;
  h.remembered.push_back(object);
}

void rpp_gc_write_barrier_array(GcHeader* array, int64_t index) {
  uint32_t flags = array->flags;
  if (!(flags & layout::kGcFlagTrackYoungPtrs)) return;
  if (!(flags & layout::kGcFlagHasCards) || index < 0 ||
      uint64_t(index) / rpp::gc::gen::kItemsPerCard >= rpp::gc::gen::large_prefix(array)->card_bytes) {
    rpp_gc_write_barrier(array);  // (an index out of range: the whole array, never a stray card)
    return;
  }
  rpp::gc::gen::card_table(array)[index / rpp::gc::gen::kItemsPerCard] = 1;
  if (!(flags & layout::kGcFlagCardsSet)) {
    array->flags = flags | layout::kGcFlagCardsSet;
    heap().card_arrays.push_back(array);
  }
}

}  // extern "C"
