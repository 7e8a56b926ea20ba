// Evaluating a foldable low-level operation (Fold or TryFold in runtime/ll_operations.def) on
// constant operands by calling its function in runtime/ops.h, found through the operation table:
// how constant folding and the ll interpreter get an operation's meaning, never re-implemented.
// Operand values follow the LL constant conventions: Signed and SignedLongLong hold int64_t,
// Unsigned and UnsignedLongLong uint64_t, Char and UniChar int64_t code points, Float double,
// Bool bool. Symbolic constants (offsetof, ...) have no value here: not foldable.
#pragma once
#include <string>
#include <vector>

#include "runtime/ops.h"
#include "translator/flow/model.h"

namespace rpp::ll {

struct FoldResult {
  enum class Status { NotFoldable, Value, Raises };
  Status status = Status::NotFoldable;
  flow::ConstValue value;                         // Status::Value
  ops::OpError error = ops::OpError::None;        // Status::Raises: the exception it would raise
};

FoldResult fold_operation(const std::string& opname, const std::vector<const flow::Constant*>& args);

// True for the operations fold_operation can evaluate.
bool is_foldable_operation(const std::string& opname);

}  // namespace rpp::ll
