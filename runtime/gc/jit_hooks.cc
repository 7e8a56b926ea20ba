// The JIT's GC hooks over gc.h (jit_hooks.h).
#include "runtime/gc/jit_hooks.h"

#include "runtime/gc/gc.h"

namespace rpp::gc {

jit::GcForJit gc_for_jit() {
  jit::GcForJit hooks;
  hooks.gc = nullptr;
  hooks.malloc_fixed = [](void*, uint64_t tid, uint64_t size) { return rpp_gc_malloc_fixed(tid, size); };
  hooks.malloc_varsize = [](void*, uint64_t tid, int64_t length) { return rpp_gc_malloc_varsize(tid, length); };
  hooks.write_barrier = [](void*, layout::GcHeader* object) { rpp_gc_write_barrier(object); };
  hooks.add_roots = [](void*, layout::GcHeader** start, size_t count) { rpp_gc_add_roots(start, count); };
  hooks.remove_roots = [](void*, layout::GcHeader** start) { rpp_gc_remove_roots(start); };
  hooks.max_nursery_object_size = rpp_gc_max_nursery_object_size();
  return hooks;
}

}  // namespace rpp::gc
