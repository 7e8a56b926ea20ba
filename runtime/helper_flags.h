// The flags of the runtime helper table (runtime/helpers.def), shared by the runtime and the
// toolchain.
#pragma once
#include <cstdint>

namespace rpp::helper_flags {

enum : uint32_t {
  None = 0,
  CanRaise = 1u << 0,    // sets the exception state (the caller checks it)
  CanCollect = 1u << 1,  // can run a garbage collection (allocates)
  Elidable = 1u << 2,    // same arguments, same result, no visible side effect: the JIT may
                         // remove or constant-fold the call (a cache write is allowed)
  InlineFastPath = 1u << 3,  // runtime/rlib/helper_fast_paths.h has `rpp_fast_NAME`, the same
                             // function with its common case inline: emitted code calls it
};

}  // namespace rpp::helper_flags
