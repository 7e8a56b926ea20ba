// Fatal errors and the RPython traceback: what the process prints when it cannot go on (out of
// memory, a failed ll_assert, debug.fatalerror) or when an exception is not caught.
#pragma once
#include <cstdint>

extern "C" {
// Flushes stdout, prints the RPython traceback and "Fatal RPython error: MESSAGE" to stderr,
// exits with status 1.
[[noreturn]] void rpp_fatal_error_cstr(const char* message);

// Generated code records each location an exception propagates through (a static string such
// as `File "x.py", line 3, in f`); raising a new exception resets the record.
void rpp_traceback_record(const char* location);
void rpp_traceback_reset(void);
// Prints "RPython traceback:" and the recorded locations, oldest first, to stderr.
void rpp_traceback_print(void);
}
