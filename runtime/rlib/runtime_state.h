// The runtime library's mutable state, reached through rpp_globals.runtime_state (the runtime's
// only globals are those of layout.h): the stdout buffer and the ring of traceback entries.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rpp::rlib {

inline constexpr size_t kStdoutBufferSize = 8192;
inline constexpr size_t kTracebackRingSize = 128;

struct RuntimeState {
  // stdout: line-buffered on a tty, else flushed in kStdoutBufferSize blocks (SEMANTICS.md).
  char stdout_buffer[kStdoutBufferSize];
  size_t stdout_length = 0;
  bool stdout_line_buffered = false;
  // The last kTracebackRingSize locations an exception passed through (genc records them).
  const char* traceback[kTracebackRingSize] = {};
  uint64_t traceback_count = 0;  // entries ever recorded since the last reset
};

// The state, made on first use (so helpers work in tests that never call rpp_main).
RuntimeState& runtime_state();

}  // namespace rpp::rlib
