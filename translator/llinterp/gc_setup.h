// The runtime's GC in the toolchain's process (docs/gc-interface.md): the ll interpreter
// allocates through `rpp_gc_malloc_*` and the runtime's helpers do too, so the GC (Boehm, as
// under --gc=boehm) is installed once, from the main thread, and every other thread that runs
// graphs (rpp translate runs its pipeline on a big-stack thread) is registered while it does.
#pragma once

namespace rpp::llinterp {

// Installs the GC with the runtime's type-info entries (ids below kFirstGeneratedTid). Call it
// from the main thread before creating threads that run graphs; later calls do nothing.
void install_gc();

// For its lifetime, the current thread may touch GC objects (registered with the GC unless it
// is the thread that installed it). Installs the GC first if nobody did (unit tests).
class GcThreadScope {
 public:
  GcThreadScope();
  ~GcThreadScope();
  GcThreadScope(const GcThreadScope&) = delete;
  GcThreadScope& operator=(const GcThreadScope&) = delete;

 private:
  bool registered_ = false;
};

}  // namespace rpp::llinterp
