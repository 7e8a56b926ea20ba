// The x86-64 backend as a Cpu (backend/cpu.h): compiles traces with TraceAssembler into W^X code
// memory, runs them, attaches bridges by patching guards' jumps, redirects loops by patching
// their entry, invalidates loops by patching their guard_not_invalidated sites, and keeps the
// per-piece GC reference tables registered with the GC.
#pragma once
#include <memory>
#include <vector>

#include "runtime/jit/backend/cpu.h"
#include "runtime/jit/backend/x86_64/code_memory.h"
#include "runtime/jit/backend/x86_64/compiled_code.h"
#include "runtime/jit/backend/x86_64/runtime_stubs.h"

namespace rpp::jit::x86 {

class X86Cpu : public Cpu {
 public:
  explicit X86Cpu(const GcForJit& gc, size_t code_reserve_bytes = size_t{1} << 30);
  ~X86Cpu() override;

  void compile_loop(const Trace& trace, LoopToken* token) override;
  void compile_bridge(FailDescr* guard, const Trace& bridge) override;
  JitFrame* execute(LoopToken* token, std::span<const Word> args) override;
  JitFrame* force(Word force_token) override;
  void redirect(LoopToken* from, LoopToken* to) override;
  void invalidate(LoopToken* token) override;

  // Frees a loop's code and data (nothing may run it or jump into it any more).
  void free_loop(LoopToken* token);

  // For logs and tests: every piece of machine code of a loop (the loop, then its bridges).
  const LoopData* loop_data(const LoopToken* token) const {
    return static_cast<const LoopData*>(token->backend_loop);
  }
  const CodeMemory& code_memory() const { return memory_; }

 private:
  void register_piece(CompiledPiece& piece);

  GcForJit gc_;
  CodeMemory memory_;
  RuntimeStubs stubs_;
  std::vector<std::unique_ptr<LoopData>> loops_;
};

}  // namespace rpp::jit::x86
