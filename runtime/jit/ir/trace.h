// A trace: input arguments, then a list of operations ending with a jump or a finish. Values
// (input arguments, operation results and constants) are numbered by ValueId; an operation's
// arguments and a guard's fail arguments are stored contiguously in one operand pool, so a trace
// is a few flat vectors (cheap to build, copy and walk).
#pragma once
#include <bit>
#include <cstdint>
#include <span>
#include <vector>

#include "runtime/jit/ir/descr.h"
#include "runtime/jit/ir/opcode.h"
#include "runtime/jit/ir/value_type.h"

namespace rpp::jit {

using ValueId = uint32_t;
inline constexpr ValueId kNoValue = UINT32_MAX;

struct ValueInfo {
  ValueType type;
  bool is_const = false;
  Word constant = 0;   // the bits of a constant
  int32_t def = -1;    // index of the defining operation; -1 for input arguments and constants
};

struct Op {
  Opcode opcode;
  uint16_t num_args = 0;
  uint16_t num_fail_args = 0;
  ValueId result = kNoValue;
  uint32_t args_begin = 0;
  uint32_t fail_args_begin = 0;
  Descr* descr = nullptr;
};

class Trace {
 public:
  ValueId add_input(ValueType type);
  ValueId const_int(int64_t v) { return add_const(ValueType::Int, static_cast<Word>(v)); }
  ValueId const_float(double v) { return add_const(ValueType::Float, std::bit_cast<Word>(v)); }
  ValueId const_ref(Word address) { return add_const(ValueType::Ref, address); }
  ValueId add_const(ValueType type, Word bits);

  // Appends an operation; returns its result (kNoValue when result_type is Void).
  ValueId add_op(Opcode opcode, std::span<const ValueId> args, ValueType result_type = ValueType::Void,
                 Descr* descr = nullptr);
  ValueId add_op(Opcode opcode, std::initializer_list<ValueId> args, ValueType result_type = ValueType::Void,
                 Descr* descr = nullptr) {
    return add_op(opcode, std::span<const ValueId>(args.begin(), args.size()), result_type, descr);
  }
  // Sets the fail arguments of the last operation (a guard).
  void set_fail_args(std::span<const ValueId> fail_args);
  void set_fail_args(std::initializer_list<ValueId> fail_args) {
    set_fail_args(std::span<const ValueId>(fail_args.begin(), fail_args.size()));
  }

  std::span<const ValueId> args(const Op& op) const { return {operands_.data() + op.args_begin, op.num_args}; }
  std::span<const ValueId> fail_args(const Op& op) const {
    return {operands_.data() + op.fail_args_begin, op.num_fail_args};
  }
  ValueId arg(const Op& op, int i) const { return operands_[op.args_begin + i]; }

  const ValueInfo& value(ValueId v) const { return values_[v]; }
  ValueType type(ValueId v) const { return values_[v].type; }
  bool is_const(ValueId v) const { return values_[v].is_const; }
  int64_t const_int_value(ValueId v) const { return static_cast<int64_t>(values_[v].constant); }
  double const_float_value(ValueId v) const { return std::bit_cast<double>(values_[v].constant); }

  const std::vector<ValueId>& inputs() const { return inputs_; }
  const std::vector<Op>& ops() const { return ops_; }
  std::vector<Op>& mutable_ops() { return ops_; }
  size_t num_values() const { return values_.size(); }

 private:
  std::vector<ValueId> inputs_;
  std::vector<Op> ops_;
  std::vector<ValueInfo> values_;
  std::vector<ValueId> operands_;
};

}  // namespace rpp::jit
