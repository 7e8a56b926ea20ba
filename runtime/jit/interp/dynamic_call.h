// Calling a C++ function whose signature is known only at run time (from a CallDescr), by the
// System V rules: the first 6 integer/reference arguments in integer registers, the first 8
// float arguments in xmm registers, the rest on the stack in order. The reference interpreter
// uses it for call operations.
#pragma once
#include <span>

#include "runtime/jit/ir/descr.h"
#include "runtime/jit/ir/value_type.h"

namespace rpp::jit {

// At most this many arguments go on the stack (enough for 8 of each kind).
inline constexpr size_t kMaxStackArgs = 8;

// Calls `function` with `args` typed by `descr.arg_types`; returns the result's bits (narrow
// integer results extended by descr.result_size / result_signed; 0 for void).
Word dynamic_call(Word function, const CallDescr& descr, std::span<const Word> args);

}  // namespace rpp::jit
