// The runtime library's state (runtime_state.h), allocated on first use.
#include "runtime/rlib/runtime_state.h"

#include <unistd.h>

#include "runtime/layout.h"

namespace rpp::rlib {

RuntimeState& runtime_state() {
  auto& g = layout::rpp_globals;
  if (!g.runtime_state) {
    auto* s = new RuntimeState;
    s->stdout_line_buffered = isatty(1);
    g.runtime_state = s;
  }
  return *static_cast<RuntimeState*>(g.runtime_state);
}

}  // namespace rpp::rlib
