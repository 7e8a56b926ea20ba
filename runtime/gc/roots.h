// The rooting API for C++ code that holds GC references across a call that may collect
// (DESIGN §1: helpers root from day one, under Boehm too). A Rooted<T> owns one shadow-stack
// slot (rpp_globals.root_stack_top, layout.h) for its lifetime; a moving GC updates the slot,
// so read the reference back with get() after every call that may collect. Slots are LIFO:
// Rooted objects are locals, destroyed in reverse order of construction.
#pragma once
#include "runtime/layout.h"

extern "C" [[noreturn]] void rpp_fatal_error_cstr(const char* message);

namespace rpp::gc {

inline layout::GcHeader** push_root(const void* p) {
  auto& g = layout::rpp_globals;
  if (g.root_stack_top == g.root_stack_limit) rpp_fatal_error_cstr("shadow stack overflow");
  layout::GcHeader** slot = g.root_stack_top++;
  *slot = static_cast<layout::GcHeader*>(const_cast<void*>(p));
  return slot;
}
inline void pop_root() { --layout::rpp_globals.root_stack_top; }

template <class T = layout::GcHeader>
class Rooted {
 public:
  explicit Rooted(T* p) : slot_(push_root(p)) {}
  ~Rooted() { pop_root(); }
  Rooted(const Rooted&) = delete;
  Rooted& operator=(const Rooted&) = delete;

  T* get() const { return static_cast<T*>(static_cast<void*>(*slot_)); }
  void set(T* p) { *slot_ = static_cast<layout::GcHeader*>(static_cast<void*>(p)); }

 private:
  layout::GcHeader** slot_;
};

}  // namespace rpp::gc
