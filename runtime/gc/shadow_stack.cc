// The shadow stack's memory (shadow_stack.h).
#include "runtime/gc/shadow_stack.h"

#include <sys/mman.h>

#include <cstdlib>

#include "runtime/gc/roots.h"
#include "runtime/layout.h"

namespace rpp::gc {

void install_shadow_stack() {
  size_t slots = size_t(1) << 22;
  if (const char* env = std::getenv("RPP_SHADOW_STACK_SLOTS")) {
    long long n = std::atoll(env);
    if (n > 0) slots = size_t(n);
  }
  // The stack check keeps kShadowStackMargin slots free: leave room above them.
  if (slots < 2 * layout::kShadowStackMargin) slots = 2 * layout::kShadowStackMargin;
  void* mem = mmap(nullptr, slots * sizeof(void*), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) rpp_fatal_error_cstr("cannot reserve the shadow stack");
  auto** base = static_cast<layout::GcHeader**>(mem);
  layout::rpp_globals.root_stack_base = base;
  layout::rpp_globals.root_stack_top = base;
  layout::rpp_globals.root_stack_limit = base + slots;
}

}  // namespace rpp::gc
