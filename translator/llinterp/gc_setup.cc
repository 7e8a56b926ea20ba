// Installing the GC and registering threads (gc_setup.h).
#include "translator/llinterp/gc_setup.h"

#include <pthread.h>

#include "runtime/gc/gc.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"

namespace rpp::llinterp {

namespace {

// The runtime's entries until an interpreter installs its own table.
const layout::TypeInfo* runtime_table() {
  static const auto* table = [] {
    auto* t = new layout::TypeInfo[layout::kFirstGeneratedTid];
    for (uint32_t i = 0; i < layout::kFirstGeneratedTid; ++i) t[i] = gc::runtime_type_info(i);
    return t;
  }();
  return table;
}

// The thread that installed the GC (its stack is the GC's own), and how many scopes each other
// thread has open.
pthread_t installer;
bool installed = false;
thread_local int open_scopes = 0;

void* stack_high() {
  pthread_attr_t attr;
  void* low = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
  }
  return static_cast<char*>(low) + size;
}

}  // namespace

void install_gc() {
  if (installed || layout::rpp_globals.gc_state) return;
  rpp_gc_init(runtime_table(), layout::kFirstGeneratedTid);
  installer = pthread_self();
  installed = true;
}

GcThreadScope::GcThreadScope() {
  install_gc();
  if (installed && pthread_equal(pthread_self(), installer)) return;
  if (open_scopes++ == 0) {
    rpp_gc_register_thread(stack_high());
    registered_ = true;
  }
}

GcThreadScope::~GcThreadScope() {
  if (installed && pthread_equal(pthread_self(), installer)) return;
  if (--open_scopes == 0 && registered_) rpp_gc_unregister_thread();
}

}  // namespace rpp::llinterp
