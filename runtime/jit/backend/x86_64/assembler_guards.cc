// Encodings of guards: a compare (or the flags of the operation before) and a conditional jump to
// the guard's out-of-line recovery stub. guard_not_invalidated is a 5-byte nop that invalidation
// patches into a jump to its stub.
#include "runtime/jit/backend/x86_64/assembler.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

namespace {
bool fits_imm32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
}  // namespace

void TraceAssembler::emit_guard(const Op& op, size_t i) {
  auto& a = *a_;
  (void)i;
  auto* d = static_cast<FailDescr*>(op.descr);
  auto compare_with = [&](Gpr r, ValueId y) {
    if (trace_.is_const(y) && fits_imm32(trace_.const_int_value(y)) &&
        !(trace_.type(y) == ValueType::Ref && trace_.const_int_value(y) != 0)) {
      a.cmp(reg64(r), static_cast<int32_t>(trace_.const_int_value(y)));
    } else if (trace_.is_const(y)) {
      moves_->load_imm(kScratch2, trace_.value(y).constant, trace_.type(y));
      a.cmp(reg64(r), a.r10);
    } else {
      Location ly = ra_->loc(y);
      if (ly.is_slot()) a.cmp(reg64(r), slot_mem(ly.index));
      else a.cmp(reg64(r), reg64(ly.reg()));
    }
  };
  switch (op.opcode) {
    case Opcode::GuardTrue:
    case Opcode::GuardFalse: {
      bool want_true = op.opcode == Opcode::GuardTrue;
      if (has_pending_cond_) {
        has_pending_cond_ = false;
        guard_jump(op, want_true ? negate(pending_cond_) : pending_cond_);
        return;
      }
      ValueId x = trace_.arg(op, 0);
      if (trace_.is_const(x)) {
        if ((trace_.const_int_value(x) != 0) != want_true) guard_jump_always(op);
        else record_exit_only(op);
        return;
      }
      Location l = ra_->loc(x);
      if (l.is_slot()) a.cmp(slot_mem(l.index), 0);
      else a.test(reg64(l.reg()), reg64(l.reg()));
      guard_jump(op, want_true ? Cond::E : Cond::NE);
      return;
    }
    case Opcode::GuardNonnull:
    case Opcode::GuardIsnull: {
      ValueId x = trace_.arg(op, 0);
      bool want_nonnull = op.opcode == Opcode::GuardNonnull;
      if (trace_.is_const(x)) {
        if ((trace_.value(x).constant != 0) != want_nonnull) guard_jump_always(op);
        else record_exit_only(op);
        return;
      }
      Location l = ra_->loc(x);
      if (l.is_slot()) a.cmp(slot_mem(l.index), 0);
      else a.test(reg64(l.reg()), reg64(l.reg()));
      guard_jump(op, want_nonnull ? Cond::E : Cond::NE);
      return;
    }
    case Opcode::GuardValue: {
      ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
      if (trace_.is_const(x)) std::swap(x, y);
      Gpr rx = ra_->use_gpr(x);
      compare_with(rx, y);
      guard_jump(op, Cond::NE);
      return;
    }
    case Opcode::GuardClass:
    case Opcode::GuardNonnullClass: {
      ValueId p = trace_.arg(op, 0), cls = trace_.arg(op, 1);
      Gpr rp = ra_->use_gpr(p);
      if (op.opcode == Opcode::GuardNonnullClass) {
        a.test(reg64(rp), reg64(rp));
        guard_jump(op, Cond::E);
      }
      a.mov(a.r11, a.qword[reg64(rp) + layout::kTypeptrOffset]);
      compare_with(kScratch, cls);
      guard_jump(op, Cond::NE);
      return;
    }
    case Opcode::GuardNoException: {
      load_globals(kScratch);
      a.cmp(a.qword[a.r11 + layout::kGlobalsExcTypeOffset], 0);
      stub_saves_exception_.insert(d);
      guard_jump(op, Cond::NE);
      return;
    }
    case Opcode::GuardException: {
      ValueId cls = trace_.arg(op, 0);
      Gpr r = op.result != kNoValue ? ra_->def_gpr(op.result) : RAX;
      load_globals(kScratch);
      moves_->load_imm(kScratch2, trace_.value(cls).constant, ValueType::Int);
      if (!trace_.is_const(cls)) moves_->move(Location::gpr(kScratch2), ra_->loc(cls), ValueType::Int);
      a.cmp(a.qword[a.r11 + layout::kGlobalsExcTypeOffset], a.r10);
      stub_saves_exception_.insert(d);
      guard_jump(op, Cond::NE);
      if (op.result != kNoValue) a.mov(reg64(r), a.qword[a.r11 + layout::kGlobalsExcValueOffset]);
      a.mov(a.qword[a.r11 + layout::kGlobalsExcTypeOffset], 0);
      a.mov(a.qword[a.r11 + layout::kGlobalsExcValueOffset], 0);
      return;
    }
    case Opcode::GuardNoOverflow: guard_jump(op, Cond::O); return;
    case Opcode::GuardOverflow: guard_jump(op, Cond::NO); return;
    case Opcode::GuardNotForced: {
      // A forced frame fails here; the frame goes on (into a bridge) as not forced any more.
      a.cmp(a.qword[a.rbp + kJitFrameDescrOffset], 0);
      stub_saves_exception_.insert(d);
      auto forced = std::make_shared<Xbyak::Label>();
      a.jne(*forced, Xbyak::CodeGenerator::T_NEAR);
      auto stub = std::make_unique<Xbyak::Label>();
      Xbyak::Label* stub_label = stub.get();
      record_exit_only(op);
      guard_stubs_.back().second = std::move(stub);
      out_of_line_.push_back([this, forced, stub_label, d] {
        auto& a = *a_;
        a.L(*forced);
        a.mov(a.qword[a.rbp + kJitFrameDescrOffset], 0);
        a.jmp(*stub_label, Xbyak::CodeGenerator::T_NEAR);
        patch_offsets_.push_back({d, a.getSize() - 4});
      });
      return;
    }
    case Opcode::GuardNotInvalidated: {
      static const uint8_t kNop5[] = {0x0F, 0x1F, 0x44, 0x00, 0x00};
      invalidation_offsets_.push_back({a.getSize(), 0});
      invalidation_guards_.push_back(d);
      for (uint8_t b : kNop5) a.db(b);
      record_exit_only(op);
      return;
    }
    default: throw std::logic_error("emit_guard: " + std::string(op_name(op.opcode)));
  }
}

}  // namespace rpp::jit::x86
