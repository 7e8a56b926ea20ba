// The reference interpreter of traces (the JIT's "llgraph" backend): runs traces operation by
// operation, pure operations through runtime/ops.h (ir/op_semantics.h), memory through ops.h's
// loads and stores at the descriptors' offsets, allocation and the write barrier through the GC
// interface, calls through dynamic_call. It implements the same Cpu interface as the x86-64
// backend, so tests and the fuzzer compare the two on the same traces.
//
// Its JIT frame holds one slot per value of the running trace (slot = ValueId), with a gcmap
// marking the references, so the GC sees and updates every value during calls and allocations.
#pragma once
#include <map>
#include <memory>
#include <vector>

#include "runtime/jit/backend/cpu.h"
#include "runtime/jit/backend/gc_interface.h"
#include "runtime/layout.h"

namespace rpp::jit {

class ReferenceInterpreter : public Cpu {
 public:
  explicit ReferenceInterpreter(const GcForJit& gc) : gc_(gc) {}
  ~ReferenceInterpreter() override;

  void compile_loop(const Trace& trace, LoopToken* token) override;
  void compile_bridge(FailDescr* guard, const Trace& bridge) override;
  JitFrame* execute(LoopToken* token, std::span<const Word> args) override;
  JitFrame* force(Word force_token) override;
  void redirect(LoopToken* from, LoopToken* to) override;
  void invalidate(LoopToken* token) override;

  // Operations executed so far (all runs), for tests that bound the work done.
  uint64_t operations_executed() const { return ops_executed_; }

 private:
  struct CompiledTrace {
    Trace trace;
    LoopToken* owner = nullptr;
    std::vector<uint64_t> gcmap;  // [count, bits...]: which values are references
    // Reference constants live here (a GC root range), not in the trace: the GC may move them.
    std::unique_ptr<layout::GcHeader*[]> ref_constants;
    size_t num_ref_constants = 0;
    std::vector<int32_t> ref_constant_index;  // per value: its index in ref_constants, or -1
  };
  struct Run;
  CompiledTrace* compile(const Trace& trace, LoopToken* owner);
  JitFrame* run(LoopToken* token, std::span<const Word> args);

  GcForJit gc_;
  std::vector<std::unique_ptr<CompiledTrace>> traces_;
  std::map<const TargetToken*, std::pair<CompiledTrace*, size_t>> labels_;
  std::map<const FailDescr*, CompiledTrace*> bridges_;
  std::map<const LoopToken*, LoopToken*> redirects_;
  uint64_t ops_executed_ = 0;
};

}  // namespace rpp::jit
