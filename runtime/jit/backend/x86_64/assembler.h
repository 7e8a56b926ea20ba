// Compiles one trace (a loop, or a bridge from a guard) into machine code: walks the operations
// in order with the register allocator, emitting each with Xbyak into a W^X code block; guards
// jump to out-of-line recovery stubs (emitted after the body) that enter the shared guard exit.
// The per-operation encodings live in assembler_*.cc by family.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <xbyak/xbyak.h>

#include "runtime/jit/backend/cpu.h"
#include "runtime/jit/backend/gc_interface.h"
#include "runtime/jit/backend/x86_64/compiled_code.h"
#include "runtime/jit/backend/x86_64/liveness.h"
#include "runtime/jit/backend/x86_64/moves.h"
#include "runtime/jit/backend/x86_64/register_allocator.h"
#include "runtime/jit/backend/x86_64/runtime_stubs.h"

namespace rpp::jit::x86 {

// x86 condition codes, by their encoding.
enum class Cond : uint8_t { O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G };
inline Cond negate(Cond c) { return static_cast<Cond>(static_cast<uint8_t>(c) ^ 1); }

struct AssemblerContext {
  CodeMemory& memory;
  const RuntimeStubs& stubs;
  const GcForJit& gc;
  AssemblerHelper assembler_helper;
};

class TraceAssembler {
 public:
  // `guard` is the guard a bridge starts from (null for a loop).
  TraceAssembler(const AssemblerContext& ctx, const Trace& trace, LoopData& loop, FailDescr* guard);
  std::unique_ptr<CompiledPiece> assemble();

 private:
  friend struct OpEmitters;
  void emit_code(Xbyak::CodeGenerator& a);
  void emit_entry(Xbyak::CodeGenerator& a);
  void emit_op(size_t i);

  // Families of operations (assembler_*.cc).
  void emit_int_binary(const Op& op);
  void emit_int_division(const Op& op);
  void emit_shift(const Op& op);
  void emit_int_unary(const Op& op);
  void emit_comparison(const Op& op, bool fused_with_guard);
  void emit_ovf(const Op& op);
  void emit_float_binary(const Op& op);
  void emit_float_unary(const Op& op);
  void emit_cast(const Op& op);
  void emit_guard(const Op& op, size_t i);
  void emit_load(const Op& op);
  void emit_store(const Op& op);
  void emit_string_op(const Op& op);
  void emit_allocation(const Op& op);
  void emit_call(const Op& op, size_t i);
  void emit_cond_call(const Op& op);
  void emit_call_assembler(const Op& op, size_t i);
  void emit_label(const Op& op);
  void emit_jump(const Op& op);
  void emit_finish(const Op& op);

  // Helpers.
  Xbyak::Address slot_mem(int slot);
  void jcc(Cond c, const Xbyak::Label& target);
  void setcc(Cond c, const Xbyak::Reg8& r);
  void cmovcc(Cond c, const Xbyak::Reg64& dst, const Xbyak::Operand& src);
  void load_globals(Gpr r);  // r = &rpp_globals
  void reload_frame();       // rbp = the frame's shadow-stack slot (after a call that may collect)
  // Emits a jump to a new out-of-line stub for the guard `op` failing; records patch sites.
  void guard_jump(const Op& op, Cond fail_when);
  void guard_jump_always(const Op& op);
  // A guard with no jump (yet): its exit state and stub (guard_not_invalidated, guards on constants).
  void record_exit_only(const Op& op);
  const uint64_t* make_gcmap(const std::vector<int>& ref_slots);
  void write_barrier(Gpr object);
  // An out-of-line slow path: registers saved to the frame (with a gcmap of the live references,
  // registers included), `body` emits the call, registers restored; then back here.
  // A call argument: a value of the trace, or an immediate.
  struct CallArg {
    ValueId value = kNoValue;
    uint64_t imm = 0;
    ValueType type = ValueType::Int;
  };
  // Moves placing call arguments in the System V argument registers and stack slots.
  std::vector<Move> call_arg_moves(const std::vector<CallArg>& args);
  // A call with the registers living across it saved (callee-saved registers or slots) and the
  // result in `result` (kNoValue: none).
  void emit_helper_call(uint64_t function, const std::vector<CallArg>& args, ValueId result, bool can_collect,
                        uint8_t result_size = 8, bool result_signed = true);
  int32_t condition_fusable(size_t i) const;  // the guard index a comparison at i fuses with, or -1

  AssemblerContext ctx_;
  const Trace& trace_;
  LoopData& loop_;
  FailDescr* from_guard_;
  std::unique_ptr<CompiledPiece> piece_;
  Liveness live_;
  Xbyak::CodeGenerator* a_ = nullptr;
  std::unique_ptr<MoveEmitter> moves_;
  std::unique_ptr<RegisterAllocator> ra_;
  std::vector<std::function<void()>> out_of_line_;
  std::vector<std::pair<TargetToken*, std::unique_ptr<Xbyak::Label>>> local_labels_;
  std::vector<std::pair<FailDescr*, std::unique_ptr<Xbyak::Label>>> guard_stubs_;
  std::vector<std::pair<size_t, TargetToken*>> label_offsets_;
  std::vector<std::pair<TargetToken*, std::vector<Location>>> label_locations_;
  std::vector<std::pair<size_t, size_t>> invalidation_offsets_;  // nop offset, stub label index
  std::vector<std::pair<FailDescr*, size_t>> patch_offsets_;     // guard, offset of its rel32
  std::vector<std::pair<FailDescr*, size_t>> stub_offsets_;      // guard, offset of its stub
  std::set<FailDescr*> stub_saves_exception_;
  std::vector<FailDescr*> invalidation_guards_;
  Cond pending_cond_ = Cond::E;  // a comparison fused with the next guard: its "true" condition
  bool has_pending_cond_ = false;
  size_t depth_patch_offset_ = 0;
  bool has_depth_check_ = false;
  int extra_depth_ = 0;          // frame slots required by jump targets in other loops
  int min_depth_ = 0;            // frame slots required by finishes (their values go to slots 0..n-1)
  std::vector<std::pair<size_t, int>> pending_duplicates_;
};

}  // namespace rpp::jit::x86
