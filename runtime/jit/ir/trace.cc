// Building traces.
#include "runtime/jit/ir/trace.h"

#include <stdexcept>

namespace rpp::jit {

ValueId Trace::add_input(ValueType type) {
  ValueId id = static_cast<ValueId>(values_.size());
  values_.push_back(ValueInfo{type, false, 0, -1});
  inputs_.push_back(id);
  return id;
}

ValueId Trace::add_const(ValueType type, Word bits) {
  ValueId id = static_cast<ValueId>(values_.size());
  values_.push_back(ValueInfo{type, true, bits, -1});
  return id;
}

ValueId Trace::add_op(Opcode opcode, std::span<const ValueId> args, ValueType result_type, Descr* descr) {
  if (args.size() > UINT16_MAX) throw std::length_error("trace operation with too many arguments");
  Op op;
  op.opcode = opcode;
  op.num_args = static_cast<uint16_t>(args.size());
  op.args_begin = static_cast<uint32_t>(operands_.size());
  operands_.insert(operands_.end(), args.begin(), args.end());
  op.fail_args_begin = static_cast<uint32_t>(operands_.size());
  op.descr = descr;
  if (result_type != ValueType::Void) {
    op.result = static_cast<ValueId>(values_.size());
    values_.push_back(ValueInfo{result_type, false, 0, static_cast<int32_t>(ops_.size())});
  }
  ops_.push_back(op);
  return op.result;
}

void Trace::set_fail_args(std::span<const ValueId> fail_args) {
  if (ops_.empty()) throw std::logic_error("set_fail_args without an operation");
  if (fail_args.size() > UINT16_MAX) throw std::length_error("guard with too many fail arguments");
  Op& op = ops_.back();
  op.fail_args_begin = static_cast<uint32_t>(operands_.size());
  op.num_fail_args = static_cast<uint16_t>(fail_args.size());
  operands_.insert(operands_.end(), fail_args.begin(), fail_args.end());
}

}  // namespace rpp::jit
