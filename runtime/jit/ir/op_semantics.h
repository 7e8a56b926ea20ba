// The meaning of the pure trace operations (and the _ovf ones) on constant values: a mapping of
// each trace operation to its function in runtime/ops.h — the only place the JIT says what an
// arithmetic operation computes. The reference interpreter and constant folding call it; the
// backend's encodings are tested against it.
#pragma once
#include <optional>
#include <span>

#include "runtime/jit/ir/opcode.h"
#include "runtime/jit/ir/value_type.h"

namespace rpp::jit {

struct PureResult {
  Word value = 0;
  bool overflow = false;  // _ovf operations: the result overflowed (value is then the wrapped result)
};

// Evaluates `op` (pure or _ovf) on argument words (ints as int64 bits, floats as double bits,
// refs as addresses). nullopt for an operation that is neither pure nor _ovf.
std::optional<PureResult> eval_pure_op(Opcode op, std::span<const Word> args);

}  // namespace rpp::jit
