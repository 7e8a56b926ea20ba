// The toolchain's view of the low-level operation table (runtime/ll_operations.def): look up an
// operation by name and ask what it may do. The table itself is the X-macro list in runtime/.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/ll_operation_flags.h"

namespace rpp::lltype {

enum class OperationImpl { Ops, Memory, Lowered };

struct OperationInfo {
  std::string_view name;
  std::string_view operands;  // kinds, see ll_operations.def; a final '.' = any further operands
  std::string_view result;    // one kind
  uint32_t flags = 0;         // llop_flags
  OperationImpl impl = OperationImpl::Lowered;

  bool can_fold() const { return flags & llop_flags::Fold; }
  bool try_fold() const { return flags & (llop_flags::Fold | llop_flags::TryFold); }
  bool has_side_effects() const { return !(flags & (llop_flags::Fold | llop_flags::NoSideEffects)); }
  bool can_raise() const { return flags & llop_flags::kRaiseMask; }
  bool can_collect() const { return flags & llop_flags::CanCollect; }
  bool is_call() const { return flags & llop_flags::Call; }
  bool variadic() const { return !operands.empty() && operands.back() == '.'; }
  // Operands before the variadic tail.
  size_t fixed_operand_count() const { return variadic() ? operands.size() - 1 : operands.size(); }
};

// The operation of that name, or nullptr.
const OperationInfo* find_operation(std::string_view name);
// Every operation, in table order.
const std::vector<OperationInfo>& all_operations();

}  // namespace rpp::lltype
