// The generational GC behind the GC interface (gc.h; docs/gc.md): `--gc=gen`. Installs the
// heap, and implements allocation's slow paths (the nursery, large objects outside it),
// collections on demand and in stress mode, root ranges and statistics.
// Environment: RPP_GC_NURSERY (bytes, K/M suffix; default the L2 cache), RPP_GC_STRESS=1 (a
// tiny nursery and a collection at every allocation that may collect; 2: major collections).
#include <cstdlib>
#include <cstring>

#include "runtime/gc/gc.h"
#include "runtime/gc/gen/gen_stats.h"
#include "runtime/gc/gen/heap.h"
#include "runtime/gc/gen/tracing.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/shadow_stack.h"
#include "runtime/gc/type_info.h"

namespace {

using namespace rpp::gc::gen;
namespace layout = rpp::layout;
using layout::rpp_globals;

constexpr size_t kStressNurseryBytes = 4096;

void check_tid(uint64_t tid) {
  if (tid == 0 || tid >= rpp_globals.type_info_count) rpp_fatal_error_cstr("allocation of an unknown type id");
}

// A collection before an allocation: minor (and major when due), or what stress mode asks.
void collect_for_allocation(Heap& h) {
  if (h.options.stress == 2 || (h.options.stress && h.slow_allocations % kStressMajorEvery == 0)) {
    major_collection(h);
    return;
  }
  minor_collection(h);
  collect_after_minor_if_needed(h);
}

GcHeader* allocate_large(Heap& h, uint32_t tid, size_t size, int64_t length) {
  const layout::TypeInfo& info = rpp_globals.type_info_table[tid];
  size_t cards = type_has_cards(info, length) ? size_t((length + kItemsPerCard - 1) / kItemsPerCard) : 0;
  // Young large objects count like nursery bytes: a minor collection when they outgrow it.
  if (h.options.stress || h.large.young_bytes() + size > h.nursery.size()) collect_for_allocation(h);
  GcHeader* obj = h.large.allocate(size, cards, /*young=*/true);
  obj->tid = tid;
  obj->flags = kFlagYoungLarge;
  if (h.options.stress) h.nursery.close_fast_path();
  return obj;
}

GcHeader* allocate(uint32_t tid, size_t size, int64_t length) {
  Heap& h = heap();
  ++h.slow_allocations;
  if (size > h.nursery.max_object_size()) return allocate_large(h, tid, size, length);
  auto& g = rpp_globals;
  if (h.options.stress || size_t(g.nursery_top - g.nursery_free) < size) collect_for_allocation(h);
  auto* obj = reinterpret_cast<GcHeader*>(g.nursery_free);
  g.nursery_free += size;
  obj->tid = tid;
  if (h.options.stress) h.nursery.close_fast_path();
  return obj;
}

int stress_level_from_env() {
  const char* stress = std::getenv("RPP_GC_STRESS");
  if (!stress || !*stress || std::strcmp(stress, "0") == 0) return 0;
  return std::strcmp(stress, "2") == 0 ? 2 : 1;
}

}  // namespace

extern "C" {

void rpp_gc_init(const layout::TypeInfo* table, uint64_t count) {
  rpp_globals.type_info_table = table;
  rpp_globals.type_info_count = count;
  if (rpp_globals.gc_state) return;  // already installed (a test calling rpp_main): new type table only
  auto* h = new Heap;
  h->options.stress = stress_level_from_env();
  size_t nursery = parse_size(std::getenv("RPP_GC_NURSERY"));
  if (!nursery) nursery = h->options.stress ? kStressNurseryBytes : default_nursery_bytes();
  h->options.nursery_bytes = nursery;
  rpp_globals.gc_state = h;
  h->old_space.init();
  h->nursery.init(nursery, /*alternate=*/h->options.stress != 0);
  if (h->options.stress) h->nursery.close_fast_path();
  h->min_major_bytes = std::max(size_t(4) << 20, 4 * h->nursery.size());
  h->next_major_bytes = h->min_major_bytes;
  rpp::gc::install_shadow_stack();
}

const char* rpp_gc_name(void) { return "gen"; }

GcHeader* rpp_gc_malloc_fixed(uint64_t tid, uint64_t size) {
  check_tid(tid);
  return allocate(uint32_t(tid), size, 0);
}

GcHeader* rpp_gc_malloc_varsize(uint64_t tid, int64_t length) {
  if (length < 0) rpp_fatal_error_cstr("allocation of a negative length");
  check_tid(tid);
  if (uint64_t(length) > (uint64_t(1) << 40)) rpp_fatal_error_cstr("out of memory (allocation too large)");
  const layout::TypeInfo& info = rpp_globals.type_info_table[tid];
  GcHeader* obj = allocate(uint32_t(tid), rpp::gc::object_size(info, length), length);
  layout::write_at<int64_t>(obj, info.length_offset, length);
  return obj;
}

void rpp_gc_add_roots(GcHeader** start, uint64_t count) { heap().root_ranges.push_back({start, count}); }

void rpp_gc_remove_roots(GcHeader** start) {
  auto& ranges = heap().root_ranges;
  for (size_t i = 0; i < ranges.size(); ++i)
    if (ranges[i].first == start) {
      ranges.erase(ranges.begin() + long(i));
      return;
    }
}

void rpp_gc_collect(void) {
  Heap& h = heap();
  major_collection(h);
  if (h.options.stress) h.nursery.close_fast_path();
}
void rpp_gc_set_stress(int on) {
  Heap& h = heap();
  h.options.stress = on ? (on == 2 ? 2 : 1) : 0;
  h.nursery.set_alternate(on != 0);
  if (on) h.nursery.close_fast_path();
  else h.nursery.open_fast_path();
}
uint64_t rpp_gc_collection_count(void) { return heap().minor_collections + heap().major_collections; }
uint64_t rpp_gc_max_nursery_object_size(void) { return heap().nursery.max_object_size(); }
void rpp_gc_register_thread(void*) {}
void rpp_gc_unregister_thread(void) {}

void rpp_gc_gen_stats(RppGcGenStats* out) {
  Heap& h = heap();
  OldSpaceStats old = h.old_space.stats();
  out->minor_collections = h.minor_collections;
  out->major_collections = h.major_collections;
  out->nursery_bytes = h.nursery.size();
  out->old_small_bytes = old.live_bytes;
  out->old_large_bytes = h.large.old_bytes();
  out->old_large_count = h.large.old_count();
  out->arenas_in_use = old.arenas_in_use;
  out->arenas_free = old.arenas_free;
  out->arenas_released = old.arenas_released;
  out->remembered = h.remembered.size() + h.card_arrays.size();
  out->prebuilt_roots = h.prebuilt_roots.size();
}

int rpp_gc_gen_is_young(const GcHeader* object) {
  return heap().nursery.contains(object) || (object->flags & kFlagYoungLarge) != 0;
}

}  // extern "C"
