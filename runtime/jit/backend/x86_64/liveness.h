// Live ranges of a trace's values for the register allocator: every position (operation index)
// where a value is used — as an argument, a guard's fail argument or a jump argument — so the
// allocator knows when a value dies and, when it must spill, which value is needed furthest
// away. Also where the calls are, to prefer callee-saved registers for values living across one.
#pragma once
#include <cstdint>
#include <vector>

#include "runtime/jit/ir/trace.h"

namespace rpp::jit::x86 {

class Liveness {
 public:
  explicit Liveness(const Trace& trace);

  // The last position using v; -1 when never used.
  int32_t last_use(ValueId v) const { return last_use_[v]; }
  // The position defining v; -1 for input arguments (and constants).
  int32_t def(ValueId v) const { return def_[v]; }
  // The first use of v after position `pos`, or INT32_MAX.
  int32_t next_use(ValueId v, int32_t pos) const;
  // Whether a call (which clobbers caller-saved registers) happens strictly inside v's range.
  bool crosses_call(ValueId v) const;
  // For the trace's final jump to a label in the same trace: which jump argument v is, or -1.
  int32_t jump_arg_index(ValueId v) const { return jump_index_[v]; }

 private:
  std::vector<int32_t> last_use_, def_;
  std::vector<uint32_t> use_begin_;  // uses of v: uses_[use_begin_[v] .. use_begin_[v+1])
  std::vector<int32_t> uses_;
  std::vector<int32_t> calls_;  // positions of calls, ascending
  std::vector<int32_t> jump_index_;
};

// Whether an operation is compiled as a call that clobbers the caller-saved registers.
bool clobbers_caller_saved(Opcode op);

}  // namespace rpp::jit::x86
