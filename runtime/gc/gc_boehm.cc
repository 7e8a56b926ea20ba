// The GC interface (gc.h) over Boehm's conservative collector (Debian's libgc): `--gc=boehm`.
// Objects never move; the write barrier never fires (no flag is ever set); the shadow stack and
// registered root ranges are pushed to Boehm's marker explicitly (the stack memory itself is
// not scanned, only its used part); objects without GC pointers are allocated atomic.

#include <cstdlib>
#include <cstring>
#include <vector>

#define GC_THREADS  // the thread registration API (main support runs the program on its own thread)
#include <gc/gc.h>
#include <gc/gc_mark.h>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/shadow_stack.h"
#include "runtime/gc/type_info.h"

namespace {

using rpp::layout::GcHeader;
using rpp::layout::rpp_globals;
using rpp::layout::TypeInfo;

struct BoehmState {
  GC_push_other_roots_proc previous_push = nullptr;
  std::vector<std::pair<GcHeader**, uint64_t>> root_ranges;
  bool stress = false;
};

BoehmState& state() { return *static_cast<BoehmState*>(rpp_globals.gc_state); }

void push_runtime_roots() {
  BoehmState& s = state();
  if (s.previous_push) s.previous_push();
  if (rpp_globals.root_stack_top > rpp_globals.root_stack_base)
    GC_push_all(rpp_globals.root_stack_base, rpp_globals.root_stack_top);
  for (auto& [start, count] : s.root_ranges)
    if (count) GC_push_all(start, start + count);
}

bool has_gc_pointers(const TypeInfo& info) {
  return info.gc_ptr_count != 0 || (info.flags & rpp::layout::kTypeInfoItemsHaveGcPtrs) ||
         info.fixed_size == 0;  // unknown layout (e.g. a JIT frame): scan it
}

GcHeader* allocate(uint32_t tid, size_t size) {
  if (tid == 0 || tid >= rpp_globals.type_info_count) rpp_fatal_error_cstr("allocation of an unknown type id");
  BoehmState& s = state();
  if (s.stress) GC_gcollect();
  const TypeInfo& info = rpp_globals.type_info_table[tid];
  bool atomic = !has_gc_pointers(info) && tid != rpp::layout::kTidJitFrame;
  bool large = size >= 64 * 1024;
  void* p = atomic ? (large ? GC_malloc_atomic_ignore_off_page(size) : GC_malloc_atomic(size))
                   : (large ? GC_malloc_ignore_off_page(size) : GC_malloc(size));
  if (!p) rpp_fatal_error_cstr("out of memory");
  if (atomic) std::memset(p, 0, size);
  auto* h = static_cast<GcHeader*>(p);
  h->tid = tid;
  h->flags = 0;
  return h;
}

}  // namespace

extern "C" {

void rpp_gc_init(const TypeInfo* table, uint64_t count) {
  if (rpp_globals.gc_state) {  // already installed (a test calling rpp_main): new type table only
    rpp_globals.type_info_table = table;
    rpp_globals.type_info_count = count;
    return;
  }
  // One marker thread (the program is single-threaded; no helper threads to lose across a
  // fork), and fork handlers so a forked child can still allocate.
  if (!std::getenv("GC_MARKERS")) GC_set_markers_count(1);
  GC_set_handle_fork(1);
  GC_INIT();
  GC_allow_register_threads();
  auto* s = new BoehmState;
  const char* stress = std::getenv("RPP_GC_STRESS");
  s->stress = stress && *stress && std::strcmp(stress, "0") != 0;
  rpp_globals.gc_state = s;
  rpp_globals.type_info_table = table;
  rpp_globals.type_info_count = count;
  rpp_globals.nursery_free = nullptr;  // no nursery: the inline fast path always fails
  rpp_globals.nursery_top = nullptr;
  rpp::gc::install_shadow_stack();
  s->previous_push = GC_get_push_other_roots();
  GC_set_push_other_roots(push_runtime_roots);
}

const char* rpp_gc_name(void) { return "boehm"; }

GcHeader* rpp_gc_malloc_fixed(uint64_t tid, uint64_t size) { return allocate(uint32_t(tid), size); }

GcHeader* rpp_gc_malloc_varsize(uint64_t tid, int64_t length) {
  if (length < 0) rpp_fatal_error_cstr("allocation of a negative length");
  if (tid == 0 || tid >= rpp_globals.type_info_count) rpp_fatal_error_cstr("allocation of an unknown type id");
  const TypeInfo& info = rpp_globals.type_info_table[tid];
  if (uint64_t(length) > (uint64_t(1) << 40)) rpp_fatal_error_cstr("out of memory (allocation too large)");
  GcHeader* h = allocate(uint32_t(tid), rpp::gc::object_size(info, length));
  rpp::layout::write_at<int64_t>(h, info.length_offset, length);
  return h;
}

void rpp_gc_write_barrier(GcHeader*) {}
void rpp_gc_write_barrier_array(GcHeader*, int64_t) {}

void rpp_gc_add_roots(GcHeader** start, uint64_t count) { state().root_ranges.push_back({start, count}); }

void rpp_gc_remove_roots(GcHeader** start) {
  auto& ranges = state().root_ranges;
  for (size_t i = 0; i < ranges.size(); ++i)
    if (ranges[i].first == start) {
      ranges.erase(ranges.begin() + long(i));
      return;
    }
}

int64_t rpp_gc_identity_hash(GcHeader* object) {
  // Objects never move: a mix of the address (Fibonacci hashing), never 0.
  uint64_t h = (reinterpret_cast<uintptr_t>(object) >> 3) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  return h == 0 ? 1 : int64_t(h);
}

void rpp_gc_collect(void) { GC_gcollect(); }
void rpp_gc_set_stress(int on) { state().stress = on != 0; }
uint64_t rpp_gc_collection_count(void) { return GC_get_gc_no(); }
uint64_t rpp_gc_max_nursery_object_size(void) { return 0; }

void rpp_gc_register_thread(void* stack_base) {
  GC_stack_base sb;
  sb.mem_base = stack_base;
  GC_register_my_thread(&sb);
}
void rpp_gc_unregister_thread(void) { GC_unregister_my_thread(); }

}  // extern "C"
