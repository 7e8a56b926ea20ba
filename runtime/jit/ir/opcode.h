// Trace operation codes and their static properties, generated from trace_ops.def.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/jit/ir/value_type.h"

namespace rpp::jit {

enum class Opcode : uint16_t {
#define JIT_OP(Enum, name, arity, args, result, flags) Enum,
#include "runtime/jit/ir/trace_ops.def"
#undef JIT_OP
};

inline constexpr int kOpcodeCount = 0
#define JIT_OP(Enum, name, arity, args, result, flags) +1
#include "runtime/jit/ir/trace_ops.def"
#undef JIT_OP
    ;

// How an operation's result type is determined.
enum class ResultKind : uint8_t { Int, Ref, Float, Void, FromDescr, FromArg };

enum OpFlag : uint32_t {
  kPure = 1u << 0,
  kNoSideEffect = 1u << 1,
  kGuard = 1u << 2,
  kDescr = 1u << 3,
  kCall = 1u << 4,
  kCanRaise = 1u << 5,
  kOvf = 1u << 6,
  kFinal = 1u << 7,
  kAlloc = 1u << 8,
  kBoolResult = 1u << 9,
};

struct OpInfo {
  std::string_view name;
  int8_t arity;  // -1: any number
  std::string_view arg_types;  // one of "irf?" per argument, or "*" (see trace_ops.def)
  ResultKind result;
  uint32_t flags;
};

const OpInfo& op_info(Opcode op);
inline std::string_view op_name(Opcode op) { return op_info(op).name; }
std::optional<Opcode> opcode_from_name(std::string_view name);

inline bool has_flag(Opcode op, uint32_t f) { return (op_info(op).flags & f) != 0; }
inline bool is_guard(Opcode op) { return has_flag(op, kGuard); }
inline bool is_pure(Opcode op) { return has_flag(op, kPure); }
inline bool is_final(Opcode op) { return has_flag(op, kFinal); }
inline bool is_call(Opcode op) { return has_flag(op, kCall); }
inline bool is_ovf(Opcode op) { return has_flag(op, kOvf); }
inline bool has_descr(Opcode op) { return has_flag(op, kDescr); }
inline bool can_raise(Opcode op) { return has_flag(op, kCanRaise); }
inline bool is_alloc(Opcode op) { return has_flag(op, kAlloc); }
// No visible side effect: removable when its result is unused.
inline bool has_no_side_effect(Opcode op) { return has_flag(op, kPure | kNoSideEffect); }
// The index of the function-address argument of a call (cond_call's first argument is its condition).
inline int call_function_arg(Opcode op) { return op == Opcode::CondCall ? 1 : 0; }

// For a comparison: the comparison with swapped arguments (int_lt -> int_gt), and its negation
// (int_lt -> int_ge); nullopt for operations without one. Float negation is not ordered-safe and
// therefore not offered.
std::optional<Opcode> swapped_comparison(Opcode op);
std::optional<Opcode> negated_int_comparison(Opcode op);

}  // namespace rpp::jit
