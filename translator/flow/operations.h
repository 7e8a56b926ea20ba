// The table of flow-level operations (operations.def), as data: arity, purity, the checked
// variant and the exceptions each may raise. The builder, the graph checker and the annotator
// read it; nothing else lists flow operations.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace rpp::flow {

enum FlowOpFlags : unsigned {
  kPure = 1,     // no side effect; folded at flow time when every argument is a foldable constant
  kOvf = 2,      // has a checked variant NAME_ovf
  kInplace = 4,  // augmented assignment (x op= y)
};

struct FlowOpInfo {
  std::string_view name;
  int arity;                            // -1: any number of arguments
  unsigned flags;
  std::vector<std::string_view> raises; // builtin exception class names, `Exception` last if any

  bool pure() const { return flags & kPure; }
  bool can_raise() const { return !raises.empty(); }
  bool has_ovf_variant() const { return flags & kOvf; }
};

// The entry for `name`, or nullptr when it is not a flow-level operation.
const FlowOpInfo* find_flow_op(std::string_view name);

// Every flow-level operation, in table order.
const std::vector<FlowOpInfo>& flow_ops();

// `add` -> `inplace_add` (nullptr when the operation has no augmented form).
const FlowOpInfo* inplace_variant(std::string_view binary_op);

}  // namespace rpp::flow
