// The process around a translated program: genc emits `int main(int argc, char** argv)` that
// calls rpp_main with a description of the program. rpp_main installs the GC and the builtin
// exceptions, runs the entry point on a thread with a big stack (the stack check raises
// RecursionError near its end), passes argv as a list of str (UTF-8 with surrogateescape),
// flushes stdout at exit, and reports an uncaught exception as CPython would: the RPython
// traceback, then `Cls: msg` as the last line of stderr, exit status 1; an uncaught SystemExit
// (sys.exit) is its code & 0xFF (its message, if any, printed to stderr). Otherwise the exit
// status is the entry point's result & 0xFF.
#pragma once
#include <cstdint>

#include "runtime/layout.h"

extern "C" {

struct RppProgram {
  int64_t (*entry_point)(void* argv);  // argv: a list of str (kTidStrList)
  // str(e) for an exception instance (the rtyper's); null: the builtin message field is used.
  void* (*exception_str)(void* exception);
  const rpp::layout::TypeInfo* type_info_table;
  uint64_t type_info_count;
  const rpp::layout::BuiltinExceptionInfo* builtin_exceptions;  // kBuiltinExceptionCount entries
  uint64_t stack_size;  // bytes of the program's stack; 0: 1 GiB
};

int rpp_main(int argc, char** argv, const RppProgram* program);

// The argv list of strs (used by rpp_main; exposed for tests).
void* rpp_make_argv(int argc, char** argv);

// Prints the report of an uncaught exception (traceback, `Cls: msg`) to stderr.
void rpp_report_uncaught_exception(const RppProgram* program);
}
