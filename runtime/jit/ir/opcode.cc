// The table of trace operations as data, and lookups by name.
#include "runtime/jit/ir/opcode.h"

#include <string>
#include <unordered_map>

namespace rpp::jit {

namespace {

constexpr OpInfo kOpTable[] = {
#define JIT_OP(Enum, name, arity, args, result, flags) {name, arity, args, ResultKind::result, flags},
#include "runtime/jit/ir/trace_ops.def"
#undef JIT_OP
};
static_assert(sizeof(kOpTable) / sizeof(kOpTable[0]) == kOpcodeCount);

}  // namespace

const OpInfo& op_info(Opcode op) { return kOpTable[static_cast<int>(op)]; }

std::optional<Opcode> opcode_from_name(std::string_view name) {
  static const auto* by_name = [] {
    auto* m = new std::unordered_map<std::string_view, Opcode>();
    for (int i = 0; i < kOpcodeCount; ++i) (*m)[kOpTable[i].name] = static_cast<Opcode>(i);
    return m;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

std::optional<Opcode> swapped_comparison(Opcode op) {
  switch (op) {
    case Opcode::IntLt: return Opcode::IntGt;
    case Opcode::IntGt: return Opcode::IntLt;
    case Opcode::IntLe: return Opcode::IntGe;
    case Opcode::IntGe: return Opcode::IntLe;
    case Opcode::IntEq: return Opcode::IntEq;
    case Opcode::IntNe: return Opcode::IntNe;
    case Opcode::UintLt: return Opcode::UintGt;
    case Opcode::UintGt: return Opcode::UintLt;
    case Opcode::UintLe: return Opcode::UintGe;
    case Opcode::UintGe: return Opcode::UintLe;
    case Opcode::FloatLt: return Opcode::FloatGt;
    case Opcode::FloatGt: return Opcode::FloatLt;
    case Opcode::FloatLe: return Opcode::FloatGe;
    case Opcode::FloatGe: return Opcode::FloatLe;
    case Opcode::FloatEq: return Opcode::FloatEq;
    case Opcode::FloatNe: return Opcode::FloatNe;
    case Opcode::PtrEq: return Opcode::PtrEq;
    case Opcode::PtrNe: return Opcode::PtrNe;
    case Opcode::InstancePtrEq: return Opcode::InstancePtrEq;
    case Opcode::InstancePtrNe: return Opcode::InstancePtrNe;
    default: return std::nullopt;
  }
}

std::optional<Opcode> negated_int_comparison(Opcode op) {
  switch (op) {
    case Opcode::IntLt: return Opcode::IntGe;
    case Opcode::IntGe: return Opcode::IntLt;
    case Opcode::IntGt: return Opcode::IntLe;
    case Opcode::IntLe: return Opcode::IntGt;
    case Opcode::IntEq: return Opcode::IntNe;
    case Opcode::IntNe: return Opcode::IntEq;
    case Opcode::UintLt: return Opcode::UintGe;
    case Opcode::UintGe: return Opcode::UintLt;
    case Opcode::UintGt: return Opcode::UintLe;
    case Opcode::UintLe: return Opcode::UintGt;
    case Opcode::PtrEq: return Opcode::PtrNe;
    case Opcode::PtrNe: return Opcode::PtrEq;
    case Opcode::InstancePtrEq: return Opcode::InstancePtrNe;
    case Opcode::InstancePtrNe: return Opcode::InstancePtrEq;
    default: return std::nullopt;
  }
}

}  // namespace rpp::jit
