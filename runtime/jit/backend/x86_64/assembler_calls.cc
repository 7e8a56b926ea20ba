// Encodings of calls (System V: integer and reference arguments in rdi rsi rdx rcx r8 r9, floats in
// xmm0-7, the rest on the stack), cond_call (an out-of-line call with every register saved in the
// frame), call_may_force (the following guard_not_forced's values kept in the frame while the
// callee may force it) and call_assembler (a loop calling another loop's code with a new frame).
#include "runtime/jit/backend/x86_64/assembler.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

std::vector<Move> TraceAssembler::call_arg_moves(const std::vector<CallArg>& args) {
  std::vector<Move> moves;
  size_t ni = 0, nf = 0, ns = 0;
  for (const CallArg& arg : args) {
    Location dst;
    if (arg.type == ValueType::Float && nf < static_cast<size_t>(kNumArgXmms)) dst = Location::xmm(static_cast<int>(nf++));
    else if (arg.type != ValueType::Float && ni < kArgGprs.size()) dst = Location::gpr(kArgGprs[ni++]);
    else if (ns < static_cast<size_t>(kMaxStackArgs)) dst = Location::stack_arg(static_cast<int>(ns++));
    else throw std::invalid_argument("x86 backend: a call with too many arguments");
    Location src = arg.value == kNoValue ? Location::immediate(arg.imm) : ra_->loc(arg.value);
    moves.push_back({dst, src, arg.type});
  }
  return moves;
}

static void extend_result(Xbyak::CodeGenerator& a, uint8_t size, bool is_signed) {
  switch (size) {
    case 1: if (is_signed) a.movsx(a.rax, a.al); else a.movzx(a.eax, a.al); break;
    case 2: if (is_signed) a.movsx(a.rax, a.ax); else a.movzx(a.eax, a.ax); break;
    case 4: if (is_signed) a.movsxd(a.rax, a.eax); else a.mov(a.eax, a.eax); break;
    default: break;
  }
}

void TraceAssembler::emit_helper_call(uint64_t function, const std::vector<CallArg>& args, ValueId result,
                                      bool can_collect, uint8_t result_size, bool result_signed) {
  auto& a = *a_;
  ra_->before_call(can_collect, {});
  if (can_collect) {
    a.mov(a.r11, reinterpret_cast<uint64_t>(make_gcmap(ra_->live_ref_slots(false, result))));
    a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
  }
  moves_->parallel(call_arg_moves(args));
  a.mov(a.rax, function);
  a.call(a.rax);
  if (can_collect) reload_frame();
  extend_result(a, result_size, result_signed);
  ra_->after_call();
  if (result != kNoValue)
    ra_->def_fixed(result, trace_.type(result) == ValueType::Float ? Location::xmm(0) : Location::gpr(RAX));
}

void TraceAssembler::emit_call(const Op& op, size_t i) {
  auto& a = *a_;
  auto* cd = static_cast<CallDescr*>(op.descr);
  auto args = trace_.args(op);
  bool can_collect = cd->effects.can_collect;
  std::vector<ValueId> into_slots;
  FailDescr* force_guard = nullptr;
  if (op.opcode == Opcode::CallMayForce && i + 1 < trace_.ops().size() &&
      trace_.ops()[i + 1].opcode == Opcode::GuardNotForced) {
    const Op& guard = trace_.ops()[i + 1];
    force_guard = static_cast<FailDescr*>(guard.descr);
    for (ValueId v : trace_.fail_args(guard))
      if (v != op.result) into_slots.push_back(v);
  }
  ra_->before_call(can_collect, into_slots);
  if (force_guard) {
    a.mov(a.r11, reinterpret_cast<uint64_t>(force_guard));
    a.mov(a.qword[a.rbp + kJitFrameForceDescrOffset], a.r11);
  }
  if (can_collect) {
    a.mov(a.r11, reinterpret_cast<uint64_t>(make_gcmap(ra_->live_ref_slots(false, op.result))));
    a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
  }
  std::vector<CallArg> call_args;
  for (size_t k = 1; k < args.size(); ++k) call_args.push_back({args[k], 0, cd->arg_types[k - 1]});
  std::vector<Move> moves = call_arg_moves(call_args);
  ValueId func = args[0];
  if (!trace_.is_const(func)) moves.push_back({Location::gpr(RAX), ra_->loc(func), ValueType::Int});
  moves_->parallel(std::move(moves));
  if (trace_.is_const(func)) a.mov(a.rax, trace_.value(func).constant);
  a.call(a.rax);
  if (can_collect) reload_frame();
  if (cd->result_type == ValueType::Int) extend_result(a, cd->result_size, cd->result_signed);
  ra_->after_call();
  if (op.result != kNoValue)
    ra_->def_fixed(op.result, trace_.type(op.result) == ValueType::Float ? Location::xmm(0) : Location::gpr(RAX));
}

void TraceAssembler::emit_cond_call(const Op& op) {
  auto& a = *a_;
  auto* cd = static_cast<CallDescr*>(op.descr);
  auto args = trace_.args(op);
  ValueId cond = args[0];
  auto slow = std::make_shared<Xbyak::Label>();
  auto back = std::make_shared<Xbyak::Label>();
  if (trace_.is_const(cond)) {
    if (trace_.const_int_value(cond) == 0) return;
    a.jmp(*slow, Xbyak::CodeGenerator::T_NEAR);
  } else {
    Location lc = ra_->loc(cond);
    if (lc.is_slot()) a.cmp(slot_mem(lc.index), 0);
    else a.test(reg64(lc.reg()), reg64(lc.reg()));
    a.jnz(*slow, Xbyak::CodeGenerator::T_NEAR);
  }
  a.L(*back);
  // The slow path runs with every register saved in the frame; the GC sees the references among
  // them through the gcmap and updates them before they are restored.
  bool can_collect = cd->effects.can_collect;
  const uint64_t* gcmap = can_collect ? make_gcmap(ra_->live_ref_slots(true)) : nullptr;
  std::vector<CallArg> call_args;
  for (size_t k = 2; k < args.size(); ++k) call_args.push_back({args[k], 0, cd->arg_types[k - 2]});
  std::vector<Move> moves = call_arg_moves(call_args);
  ValueId func = args[1];
  if (!trace_.is_const(func)) moves.push_back({Location::gpr(RAX), ra_->loc(func), ValueType::Int});
  uint64_t func_const = trace_.is_const(func) ? trace_.value(func).constant : 0;
  bool const_func = trace_.is_const(func);
  out_of_line_.push_back([this, slow, back, gcmap, moves, const_func, func_const] {
    auto& a = *a_;
    a.L(*slow);
    a.call(reinterpret_cast<const void*>(ctx_.stubs.save_all));
    if (gcmap) {
      a.mov(a.r11, reinterpret_cast<uint64_t>(gcmap));
      a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
    }
    moves_->parallel(moves);
    if (const_func) a.mov(a.rax, func_const);
    a.call(a.rax);
    if (gcmap) reload_frame();
    a.call(reinterpret_cast<const void*>(ctx_.stubs.restore_all));
    a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
  });
}

void TraceAssembler::emit_call_assembler(const Op& op, size_t i) {
  auto& a = *a_;
  auto* callee_token = static_cast<LoopToken*>(op.descr);
  auto* callee = static_cast<LoopData*>(callee_token->backend_loop);
  if (!callee) throw std::invalid_argument("call_assembler of a loop that is not compiled");
  auto args = trace_.args(op);
  FailDescr* force_guard = nullptr;
  std::vector<ValueId> into_slots(args.begin(), args.end());
  if (i + 1 < trace_.ops().size() && trace_.ops()[i + 1].opcode == Opcode::GuardNotForced) {
    const Op& guard = trace_.ops()[i + 1];
    force_guard = static_cast<FailDescr*>(guard.descr);
    for (ValueId v : trace_.fail_args(guard))
      if (v != op.result) into_slots.push_back(v);
  }
  // The arguments go to slots too: they are copied into the callee's frame after its allocation
  // (which may collect: the gcmap covers them).
  for (ValueId v : args)
    if (!trace_.is_const(v)) ra_->spill(v, true);
  ra_->before_call(true, into_slots);
  std::vector<int> refs = ra_->live_ref_slots(false, op.result);
  for (ValueId v : args)
    if (!trace_.is_const(v) && trace_.type(v) == ValueType::Ref) refs.push_back(ra_->loc(v).index);
  if (force_guard) {
    a.mov(a.r11, reinterpret_cast<uint64_t>(force_guard));
    a.mov(a.qword[a.rbp + kJitFrameForceDescrOffset], a.r11);
  }
  a.mov(a.r11, reinterpret_cast<uint64_t>(make_gcmap(refs)));
  a.mov(a.qword[a.rbp + kJitFrameGcmapOffset], a.r11);
  // A frame for the callee, as deep as the callee's loop needs now.
  a.mov(a.r11, reinterpret_cast<uint64_t>(&callee->frame_depth));
  a.mov(a.rdx, a.qword[a.r11]);
  a.mov(a.esi, kTidJitFrame);
  a.mov(a.rdi, reinterpret_cast<uint64_t>(ctx_.gc.gc));
  a.mov(a.rax, reinterpret_cast<uint64_t>(ctx_.gc.malloc_varsize));
  a.call(a.rax);
  reload_frame();
  for (size_t k = 0; k < args.size(); ++k) {
    Location src = ra_->loc(args[k]);
    auto dst = a.qword[a.rax + slot_offset(kFrameFirstSpillSlot + static_cast<int>(k))];
    if (src.is_imm()) {
      moves_->load_imm(kScratch2, src.imm, trace_.type(args[k]));
      a.mov(dst, a.r10);
    } else {
      a.mov(a.r10, slot_mem(src.index));
      a.mov(dst, a.r10);
    }
  }
  a.mov(a.rdi, a.rax);
  a.call(reinterpret_cast<const void*>(callee->entry));
  reload_frame();
  // rax: the callee's dead frame. A finish of the expected number of values is the result;
  // anything else goes through the assembler helper.
  Xbyak::Label slow, done;
  int want = op.result == kNoValue ? 0 : 1;
  a.mov(a.r11, a.qword[a.rax + kJitFrameDescrOffset]);
  a.cmp(a.dword[a.r11 + fail_descr_finish_count_offset()], want);
  a.jne(slow, Xbyak::CodeGenerator::T_NEAR);
  bool is_float = op.result != kNoValue && trace_.type(op.result) == ValueType::Float;
  if (want) {
    if (is_float) a.movsd(a.xmm0, a.qword[a.rax + slot_offset(0)]);
    else a.mov(a.rax, a.qword[a.rax + slot_offset(0)]);
  }
  a.jmp(done, Xbyak::CodeGenerator::T_NEAR);
  a.L(slow);
  if (!ctx_.assembler_helper) {
    a.ud2();
  } else {
    a.mov(a.rdi, a.rax);
    a.mov(a.rsi, reinterpret_cast<uint64_t>(callee_token));
    a.mov(a.rax, reinterpret_cast<uint64_t>(ctx_.assembler_helper));
    a.call(a.rax);
    reload_frame();
    if (is_float) a.movq(a.xmm0, a.rax);
  }
  a.L(done);
  ra_->after_call();
  if (op.result != kNoValue) ra_->def_fixed(op.result, is_float ? Location::xmm(0) : Location::gpr(RAX));
}

}  // namespace rpp::jit::x86
