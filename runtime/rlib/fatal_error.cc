// Fatal errors and the traceback ring (fatal_error.h).
#include "runtime/rlib/fatal_error.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/rlib/runtime_state.h"
#include "runtime/rlib/stdout_buffer.h"

using rpp::rlib::kTracebackRingSize;
using rpp::rlib::runtime_state;

extern "C" {

void rpp_traceback_record(const char* location) {
  auto& s = runtime_state();
  s.traceback[s.traceback_count % kTracebackRingSize] = location;
  ++s.traceback_count;
}

void rpp_traceback_reset(void) { runtime_state().traceback_count = 0; }

void rpp_traceback_print(void) {
  auto& s = runtime_state();
  if (s.traceback_count == 0) return;
  std::string out = "RPython traceback:\n";
  uint64_t first = s.traceback_count > kTracebackRingSize ? s.traceback_count - kTracebackRingSize : 0;
  if (first > 0) out += "  ...\n";
  // Recorded innermost first (as the exception propagates outward): print outermost first.
  for (uint64_t i = s.traceback_count; i-- > first;) {
    out += "  ";
    out += s.traceback[i % kTracebackRingSize];
    out += "\n";
  }
  rpp::rlib::write_all(2, out.data(), out.size());
}

void rpp_fatal_error_cstr(const char* message) {
  rpp::rlib::stdout_flush();
  rpp_traceback_print();
  std::string out = "Fatal RPython error: ";
  out += message;
  out += "\n";
  rpp::rlib::write_all(2, out.data(), out.size());
  _exit(1);
}

}  // extern "C"
