// The meaning of every OPS operation of the low-level table (runtime/ll_operations.def) on
// interpreter words: one evaluator per operation, generated from the table, each calling the
// operation's function in runtime/ops.h — the ll interpreter never re-implements an operation.
//
// The overflow check (`--interp-check-overflow`): an operation NAME whose checked variant
// NAME_ovf is in the table (int_add, int_sub, int_mul, int_neg, int_abs, int_lshift,
// int_floordiv, int_mod) wraps around exactly when NAME_ovf reports OverflowError on the same
// operands, so the check is that variant's own function, never a re-implementation.
#pragma once
#include <string_view>

#include "runtime/ops.h"
#include "translator/llinterp/words.h"

namespace rpp::llinterp {

// Evaluates an operation on `args`; the result goes to `result`. Returns the error of a raising
// operation (OpError::None when it did not raise).
using Evaluator = ops::OpError (*)(const Word* args, Word* result);

struct OperationEvaluator {
  Evaluator evaluate = nullptr;
  int arity = 0;
  // For a plain operation with a checked variant: that variant's evaluator (the overflow check).
  Evaluator overflow_check = nullptr;
};

// The evaluator of an OPS operation, or nullptr (MEMORY and LOWERED operations, unknown names).
const OperationEvaluator* find_evaluator(std::string_view opname);

}  // namespace rpp::llinterp
