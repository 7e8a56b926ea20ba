// A moving checker GC behind the GC interface (gc.h), for the runtime's tests: a semispace
// copying collector with precise roots (shadow stack, registered ranges, rpp_globals.exc_value)
// that, after each collection, turns the old space into inaccessible memory (never reused), so a
// C++ helper that keeps an unrooted reference across an allocation crashes at once instead of
// reading a stale copy. RPP_GC_STRESS=1 collects at every allocation; RPP_SEMISPACE_BYTES sets
// the size of a space (default 1 MiB; it grows with the live data). Objects outside the heap
// (prebuilt, static) are neither moved nor traced: tests do not store heap references in them.
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/shadow_stack.h"
#include "runtime/gc/type_info.h"

namespace {

using rpp::layout::GcHeader;
using rpp::layout::rpp_globals;
using rpp::layout::TypeInfo;

struct Space {
  char* start = nullptr;
  char* free = nullptr;
  char* end = nullptr;
  bool contains(const void* p) const { return p >= start && p < end; }
};

struct SemispaceState {
  Space space;
  std::vector<std::pair<GcHeader**, uint64_t>> root_ranges;
  std::unordered_map<const void*, int64_t> identity_hashes;  // by current address
  int64_t next_identity_hash = 1;
  uint64_t collections = 0;
  bool stress = false;
  size_t min_space = size_t(1) << 20;
};

SemispaceState& state() { return *static_cast<SemispaceState*>(rpp_globals.gc_state); }

Space map_space(size_t bytes) {
  bytes = (bytes + 4095) & ~size_t(4095);
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) rpp_fatal_error_cstr("out of memory");
  Space s;
  s.start = s.free = static_cast<char*>(mem);
  s.end = s.start + bytes;
  return s;
}

// The old space stays reserved but inaccessible: a stale reference faults, and its addresses are
// never handed out again.
void retire_space(const Space& s) {
  mmap(s.start, size_t(s.end - s.start), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
}

size_t size_of(const GcHeader* obj) {
  const TypeInfo& info = rpp_globals.type_info_table[obj->tid];
  return rpp::gc::object_size(info, rpp::gc::object_length(info, obj));
}

class Copier {
 public:
  Copier(const Space& from, Space& to) : from_(from), to_(to) {}

  void update(GcHeader** slot) {
    GcHeader* p = *slot;
    if (!p || (reinterpret_cast<uintptr_t>(p) & 1) || !from_.contains(p)) return;
    if (p->flags & rpp::layout::kGcFlagForwarded) {
      *slot = rpp::layout::read_at<GcHeader*>(p, 8);
      return;
    }
    size_t size = size_of(p);
    auto* copy = reinterpret_cast<GcHeader*>(to_.free);
    to_.free += size;
    std::memcpy(copy, p, size);
    auto& hashes = state().identity_hashes;
    if (auto it = hashes.find(p); it != hashes.end()) {
      moved_hashes_.emplace(copy, it->second);
    }
    p->flags |= rpp::layout::kGcFlagForwarded;
    rpp::layout::write_at<GcHeader*>(p, 8, copy);
    *slot = copy;
  }

  void trace(GcHeader* obj) {
    const TypeInfo& info = rpp_globals.type_info_table[obj->tid];
    char* base = reinterpret_cast<char*>(obj);
    for (uint32_t i = 0; i < info.gc_ptr_count; ++i) update(reinterpret_cast<GcHeader**>(base + info.gc_ptr_offsets[i]));
    if (obj->tid == rpp::layout::kTidJitFrame) {
      trace_jit_frame(base);
      return;
    }
    if ((info.flags & rpp::layout::kTypeInfoItemsHaveGcPtrs) && info.item_gc_ptr_count) {
      int64_t n = rpp::gc::object_length(info, obj);
      for (int64_t k = 0; k < n; ++k) {
        char* item = base + info.items_offset + size_t(k) * info.item_size;
        for (uint32_t i = 0; i < info.item_gc_ptr_count; ++i)
          update(reinterpret_cast<GcHeader**>(item + info.item_gc_ptr_offsets[i]));
      }
    }
  }

  void scan() {
    char* scan = to_.start;
    while (scan < to_.free) {
      auto* obj = reinterpret_cast<GcHeader*>(scan);
      trace(obj);
      scan += size_of(obj);
    }
  }

  std::unordered_map<const void*, int64_t>& moved_hashes() { return moved_hashes_; }

 private:
  // runtime/jit's JitFrame: gcmap (raw words) at 24, guard_exc 32, forward 40, length 48, slots 56.
  void trace_jit_frame(char* base) {
    update(reinterpret_cast<GcHeader**>(base + 32));
    update(reinterpret_cast<GcHeader**>(base + 40));
    auto* gcmap = rpp::layout::read_at<const uint64_t*>(base, 24);
    if (!gcmap) return;
    int64_t length = rpp::layout::read_at<int64_t>(base, 48);
    for (uint64_t w = 0; w < gcmap[0]; ++w)
      for (int b = 0; b < 64; ++b)
        if ((gcmap[1 + w] >> b) & 1) {
          int64_t slot = int64_t(w * 64 + uint64_t(b));
          if (slot < length) update(reinterpret_cast<GcHeader**>(base + 56 + 8 * slot));
        }
  }

  const Space& from_;
  Space& to_;
  std::unordered_map<const void*, int64_t> moved_hashes_;
};

void collect(size_t extra) {
  SemispaceState& s = state();
  Space from = s.space;
  size_t used = size_t(from.free - from.start);
  // Under stress the spaces are sized by the live data (thousands of collections reserve no
  // more address space than they need).
  size_t wanted = 2 * used + extra + 4096;
  Space to = map_space(s.stress ? wanted : std::max(s.min_space, wanted));
  Copier copier(from, to);
  for (GcHeader** slot = rpp_globals.root_stack_base; slot < rpp_globals.root_stack_top; ++slot) copier.update(slot);
  for (auto& [start, count] : s.root_ranges)
    for (uint64_t i = 0; i < count; ++i) copier.update(start + i);
  copier.update(&rpp_globals.exc_value);
  copier.scan();
  for (auto& [object, hash] : s.identity_hashes)
    if (!from.contains(object)) copier.moved_hashes().emplace(object, hash);  // prebuilt objects
  s.identity_hashes = std::move(copier.moved_hashes());
  retire_space(from);
  s.space = to;
  ++s.collections;
}

GcHeader* allocate(uint32_t tid, size_t size) {
  if (tid == 0 || tid >= rpp_globals.type_info_count) rpp_fatal_error_cstr("allocation of an unknown type id");
  SemispaceState& s = state();
  if (s.stress || size_t(s.space.end - s.space.free) < size) collect(size);
  if (size_t(s.space.end - s.space.free) < size) rpp_fatal_error_cstr("out of memory");
  auto* h = reinterpret_cast<GcHeader*>(s.space.free);
  s.space.free += size;
  std::memset(h, 0, size);
  h->tid = tid;
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
  auto* s = new SemispaceState;
  const char* stress = std::getenv("RPP_GC_STRESS");
  s->stress = stress && *stress && std::strcmp(stress, "0") != 0;
  if (const char* bytes = std::getenv("RPP_SEMISPACE_BYTES")) {
    long long n = std::atoll(bytes);
    if (n > 0) s->min_space = size_t(n);
  }
  s->space = map_space(s->min_space);
  rpp_globals.gc_state = s;
  rpp_globals.type_info_table = table;
  rpp_globals.type_info_count = count;
  rpp_globals.nursery_free = nullptr;
  rpp_globals.nursery_top = nullptr;
  rpp::gc::install_shadow_stack();
}

const char* rpp_gc_name(void) { return "semispace"; }

GcHeader* rpp_gc_malloc_fixed(uint64_t tid, uint64_t size) { return allocate(uint32_t(tid), size); }

GcHeader* rpp_gc_malloc_varsize(uint64_t tid, int64_t length) {
  if (length < 0) rpp_fatal_error_cstr("allocation of a negative length");
  if (tid == 0 || tid >= rpp_globals.type_info_count) rpp_fatal_error_cstr("allocation of an unknown type id");
  if (uint64_t(length) > (uint64_t(1) << 40)) rpp_fatal_error_cstr("out of memory (allocation too large)");
  const TypeInfo& info = rpp_globals.type_info_table[tid];
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
  SemispaceState& s = state();
  auto [it, inserted] = s.identity_hashes.emplace(object, 0);
  if (inserted) it->second = int64_t(uint64_t(s.next_identity_hash++) * 0x9E3779B97F4A7C15ull) | 1;
  return it->second;
}

void rpp_gc_collect(void) { collect(0); }
void rpp_gc_set_stress(int on) {
  bool was = state().stress;
  state().stress = on != 0;
  if (was && !on) collect(0);  // back to a full-size space
}
uint64_t rpp_gc_collection_count(void) { return state().collections; }
uint64_t rpp_gc_max_nursery_object_size(void) { return 0; }
void rpp_gc_register_thread(void*) {}
void rpp_gc_unregister_thread(void) {}

}  // extern "C"
