// Time and process helpers: time.time, time.perf_counter (time_clock), perf_counter_ns,
// time.process_time, time.sleep, debug.fatalerror, the stack check's slow path (RecursionError)
// and the exit of sys.exit (stdout flushed first).
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <string>

#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/stdout_buffer.h"
#include "runtime/rlib/utf8.h"

extern "C" {

double rpp_helper_time_time() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double rpp_helper_time_clock() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

int64_t rpp_helper_time_perf_counter_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double rpp_helper_time_process_time() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

void rpp_helper_time_sleep(double seconds) {
  if (!(seconds >= 0)) {
    rpp::rlib::raise_builtin(rpp::layout::kExcValueError, std::string_view("sleep length must be non-negative"));
    return;
  }
  timespec ts;
  ts.tv_sec = time_t(std::floor(seconds));
  ts.tv_nsec = long((seconds - std::floor(seconds)) * 1e9);
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

void rpp_helper_fatal_error(void* message) { rpp_fatal_error_cstr(rpp::rlib::utf8_of(message).c_str()); }

void rpp_helper_stack_check_slowpath() {
  char here;
  const auto& g = rpp::layout::rpp_globals;
  if (reinterpret_cast<uintptr_t>(&here) < g.stack_limit || g.root_stack_top >= g.root_stack_limit - rpp::layout::kShadowStackMargin)
    rpp::rlib::raise_builtin(rpp::layout::kExcRecursionError, std::string_view("maximum recursion depth exceeded"));
}

void rpp_helper_process_exit(int64_t status) {
  rpp::rlib::stdout_flush();
  _exit(int(status & 0xFF));
}

}  // extern "C"
