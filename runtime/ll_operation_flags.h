// The flags of the low-level operation table (runtime/ll_operations.def), shared by the runtime
// and every stage of the toolchain that reads the table.
#pragma once
#include <cstdint>

namespace rpp::llop_flags {

enum : uint32_t {
  None = 0,
  Fold = 1u << 0,           // pure, deterministic, never raises: constant-foldable
  NoSideEffects = 1u << 1,  // removable when its result is unused
  RaisesOverflow = 1u << 2,
  RaisesZeroDivision = 1u << 3,
  RaisesValue = 1u << 4,
  RaisesAny = 1u << 5,      // any exception (calls)
  TryFold = 1u << 6,        // foldable when it does not raise on the constant operands
  CanCollect = 1u << 7,     // can run a garbage collection
  Call = 1u << 8,           // a call: its effects are the callee's
};

inline constexpr uint32_t kRaiseMask = RaisesOverflow | RaisesZeroDivision | RaisesValue | RaisesAny;

}  // namespace rpp::llop_flags
