// C++ functions that test traces call (with `call(ConstClass(NAME), ..., descr=NAME)`: each helper
// is registered in a TraceNamespace both as a symbol and as a call descriptor of the same name).
// Helpers needing the test's GC or Cpu take the test environment as their first argument,
// `ConstClass(env)`, so there is no global state.
//
//   add_ints(int, int) -> int                      sum8(int x 8) -> int
//   sum8f(float x 8) -> float                      mixed(int, float, int, float, int) -> float
//   many_mixed(10 ints and 10 floats interleaved) -> float   (stack arguments)
//   neg_i32(int) -> i32     low_byte(int) -> u8     (narrow results, extended by the caller)
//   maybe_raise(env, int flag) -> int     raises TestError when flag != 0, else returns flag + 1
//   gc_collect(env) -> void               a minor collection (moves every young object)
//   gc_collect_int(env, int x) -> int     a minor collection, returns x
//   force_frame(env, ref token) -> int    forces the frame (Cpu::force), returns its value count
//   make_node_ptr(env, int v) -> ref      allocates a TestError instance (an object) holding v
#pragma once
#include "runtime/jit/backend/cpu.h"
#include "runtime/jit/ir/trace_namespace.h"
#include "runtime/jit/testing/test_gc.h"

namespace rpp::jit {

struct TestEnv {
  TestGc* gc = nullptr;
  Cpu* cpu = nullptr;
  const layout::ClassVtable* error_class = nullptr;
  uint32_t error_tid = 0;
  uint32_t error_size = 0;
  uint64_t forced_frames = 0;
};

// The assembler helper of test runs (call_assembler whose callee did not finish normally):
// 1000 + the number of values the callee's exit holds.
Word test_assembler_helper(JitFrame* dead_frame, LoopToken* loop);

// Declares `object TestError { value: int }`, the helpers and their call descriptors, and the
// symbol `env` (whose address the caller must fill in: the TestEnv must outlive the traces).
void register_test_helpers(TraceNamespace& names, TestEnv* env);

}  // namespace rpp::jit
