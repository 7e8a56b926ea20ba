// Raising builtin exceptions from helpers: through the exception state of rpp_globals
// (exc_type, exc_value; layout.h), with the classes genc registers in
// rpp_globals.builtin_exceptions. A helper that raises returns a dummy value; its caller tests
// exc_type. C++ exceptions are never used.
#pragma once
#include <string>
#include <string_view>

#include "runtime/layout.h"

namespace rpp::rlib {

inline bool exception_pending() { return layout::rpp_globals.exc_type != nullptr; }

// Raises `kind` with a message (a str, or null for none).
void raise_builtin(layout::BuiltinException kind, void* message);
// The same with a UTF-8 message.
void raise_builtin(layout::BuiltinException kind, std::string_view message);
// OSError with errno `err`: str(e) is "[Errno N] strerror" (": 'filename'" added when given).
void raise_os_error(int err, const void* filename = nullptr);

// If the exception `type` / `value` is a SystemExit (or a subclass), what ends the process: the
// status (its `code` field & 0xFF) and the message to print to stderr (empty: none; its
// `rpy_message` when the code has kSystemExitPrintsMessage). False otherwise. The rtyper makes
// SystemExit instances (rtyper/rsystem_exit.h).
bool system_exit_status(const layout::ClassVtable* type, const void* value, int* status, std::string* message);

// The class name of a builtin exception kind ("ValueError").
const char* builtin_exception_name(layout::BuiltinException kind);

}  // namespace rpp::rlib
