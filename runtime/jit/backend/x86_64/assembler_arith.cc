// Encodings of integer and float arithmetic, comparisons and casts. Their meaning is that of
// runtime/ops.h (ir/op_semantics.h): Python's floor division and modulo (0 for a zero divisor,
// INT_MIN // -1 wrapping), shifts by >= 64 or < 0 giving 0 or the sign, float -> int saturating
// with nan -> 0. The backend tests check every encoding against ops.h.
#include <climits>

#include "runtime/jit/backend/x86_64/assembler.h"

namespace rpp::jit::x86 {

namespace {

bool fits_imm32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
uint32_t bit(int r) { return 1u << r; }

bool is_commutative(Opcode op) {
  return op == Opcode::IntAdd || op == Opcode::IntMul || op == Opcode::IntAnd || op == Opcode::IntOr ||
         op == Opcode::IntXor || op == Opcode::IntAddOvf || op == Opcode::IntMulOvf;
}

}  // namespace

void TraceAssembler::emit_int_binary(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
  if (is_commutative(op.opcode)) {
    if (trace_.is_const(x) && !trace_.is_const(y)) std::swap(x, y);
    else if (!trace_.is_const(y) && !ra_->dies_here(x) && ra_->dies_here(y)) std::swap(x, y);
  }
  bool y_imm = trace_.is_const(y) && trace_.type(y) == ValueType::Int && fits_imm32(trace_.const_int_value(y));
  Gpr rx = ra_->use_gpr(x);
  Gpr ry = RAX;
  if (!y_imm) ry = ra_->use_gpr(y);
  if ((op.opcode == Opcode::IntMul || op.opcode == Opcode::IntMulOvf) && y_imm) {
    Gpr r = ra_->def_gpr(op.result, x);
    a.imul(reg64(r), reg64(rx), static_cast<int32_t>(trace_.const_int_value(y)));
    return;
  }
  Gpr r = ra_->def_gpr(op.result, x);
  if (r != rx) a.mov(reg64(r), reg64(rx));
  auto R = reg64(r);
  if (y_imm) {
    auto imm = static_cast<int32_t>(trace_.const_int_value(y));
    switch (op.opcode) {
      case Opcode::IntAdd: case Opcode::IntAddOvf: a.add(R, imm); break;
      case Opcode::IntSub: case Opcode::IntSubOvf: a.sub(R, imm); break;
      case Opcode::IntAnd: a.and_(R, imm); break;
      case Opcode::IntOr: a.or_(R, imm); break;
      case Opcode::IntXor: a.xor_(R, imm); break;
      default: throw std::logic_error("emit_int_binary");
    }
    return;
  }
  auto Y = reg64(ry);
  switch (op.opcode) {
    case Opcode::IntAdd: case Opcode::IntAddOvf: a.add(R, Y); break;
    case Opcode::IntSub: case Opcode::IntSubOvf: a.sub(R, Y); break;
    case Opcode::IntMul: case Opcode::IntMulOvf: a.imul(R, Y); break;
    case Opcode::IntAnd: a.and_(R, Y); break;
    case Opcode::IntOr: a.or_(R, Y); break;
    case Opcode::IntXor: a.xor_(R, Y); break;
    default: throw std::logic_error("emit_int_binary");
  }
}

void TraceAssembler::emit_ovf(const Op& op) { emit_int_binary(op); }

void TraceAssembler::emit_int_division(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
  bool is_mod = op.opcode == Opcode::IntMod || op.opcode == Opcode::UintMod;
  bool is_unsigned = op.opcode == Opcode::UintFloorDiv || op.opcode == Opcode::UintMod;
  if (trace_.is_const(y)) {
    int64_t c = trace_.const_int_value(y);
    if (c == 0 || (!is_unsigned && c == -1)) {
      // Known at compile time: 0 for a zero divisor; x // -1 == -x (wrapping), x % -1 == 0.
      if (c == -1 && !is_mod) {
        Gpr rx = ra_->use_gpr(x);
        Gpr r = ra_->def_gpr(op.result, x);
        if (r != rx) a.mov(reg64(r), reg64(rx));
        a.neg(reg64(r));
      } else {
        Gpr r = ra_->def_gpr(op.result);
        a.mov(reg32(r), 0);
      }
      return;
    }
  }
  ra_->evict_gpr(RAX);
  ra_->evict_gpr(RDX);
  Gpr ry = ra_->use_gpr(y, bit(RAX) | bit(RDX));
  moves_->move(Location::gpr(RAX), ra_->loc(x), ValueType::Int);
  Xbyak::Label zero, minus_one, done;
  auto Y = reg64(ry);
  bool y_const = trace_.is_const(y);
  if (!y_const) {
    a.test(Y, Y);
    a.jz(zero, Xbyak::CodeGenerator::T_NEAR);
    if (!is_unsigned) {
      a.cmp(Y, -1);
      a.je(minus_one, Xbyak::CodeGenerator::T_NEAR);
    }
  }
  if (is_unsigned) {
    a.xor_(a.edx, a.edx);
    a.div(Y);
  } else {
    a.cqo();
    a.idiv(Y);
    // Floor: when the remainder is non-zero and its sign differs from the divisor's.
    a.test(a.rdx, a.rdx);
    a.jz(done, Xbyak::CodeGenerator::T_NEAR);
    a.mov(a.r11, a.rdx);
    a.xor_(a.r11, Y);
    a.jns(done, Xbyak::CodeGenerator::T_NEAR);
    if (is_mod) a.add(a.rdx, Y);
    else a.sub(a.rax, 1);
  }
  if (!y_const) {
    a.jmp(done, Xbyak::CodeGenerator::T_NEAR);
    a.L(zero);
    a.xor_(is_mod ? a.edx : a.eax, is_mod ? a.edx : a.eax);
    if (!is_unsigned) {
      a.jmp(done, Xbyak::CodeGenerator::T_NEAR);
      a.L(minus_one);
      if (is_mod) a.xor_(a.edx, a.edx);
      else a.neg(a.rax);
    }
  }
  a.L(done);
  ra_->def_fixed(op.result, Location::gpr(is_mod ? RDX : RAX));
}

void TraceAssembler::emit_shift(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0), n = trace_.arg(op, 1);
  if (trace_.is_const(n)) {
    int64_t k = trace_.const_int_value(n);
    Gpr rx = ra_->use_gpr(x);
    Gpr r = ra_->def_gpr(op.result, x);
    if (r != rx) a.mov(reg64(r), reg64(rx));
    bool in_range = k >= 0 && k < 64;
    switch (op.opcode) {
      case Opcode::IntLshift:
        if (in_range) a.shl(reg64(r), static_cast<int>(k));
        else a.mov(reg32(r), 0);
        break;
      case Opcode::IntRshift: a.sar(reg64(r), in_range ? static_cast<int>(k) : 63); break;
      default:
        if (in_range) a.shr(reg64(r), static_cast<int>(k));
        else a.mov(reg32(r), 0);
        break;
    }
    return;
  }
  ra_->evict_gpr(RCX);
  moves_->move(Location::gpr(RCX), ra_->loc(n), ValueType::Int);
  Gpr rx = ra_->use_gpr(x, bit(RCX));
  Gpr r = ra_->def_gpr(op.result, x, bit(RCX));
  if (r != rx) a.mov(reg64(r), reg64(rx));
  auto R = reg64(r);
  switch (op.opcode) {
    case Opcode::IntRshift:
      // A count >= 64 (or negative, as unsigned) shifts by 63: the sign.
      a.mov(a.r11d, 63);
      a.cmp(a.rcx, 63);
      a.cmova(a.rcx, a.r11);
      a.sar(R, a.cl);
      break;
    case Opcode::IntLshift:
    case Opcode::UintRshift:
      if (op.opcode == Opcode::IntLshift) a.shl(R, a.cl);
      else a.shr(R, a.cl);
      a.xor_(a.r11d, a.r11d);
      a.cmp(a.rcx, 64);
      a.cmovae(R, a.r11);
      break;
    default: throw std::logic_error("emit_shift");
  }
}

void TraceAssembler::emit_int_unary(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0);
  if (op.opcode == Opcode::SameAs && trace_.type(x) == ValueType::Float) {
    int xs = ra_->use_xmm(x);
    int r = ra_->def_xmm(op.result, x);
    if (r != xs) a.movapd(xmm(r), xmm(xs));
    return;
  }
  Gpr rx = ra_->use_gpr(x);
  if (op.opcode == Opcode::IntAbs) {
    Gpr r = ra_->def_gpr(op.result);
    a.mov(reg64(r), reg64(rx));
    a.neg(reg64(r));
    a.cmovs(reg64(r), reg64(rx));
    return;
  }
  Gpr r = ra_->def_gpr(op.result, x);
  if (r != rx) a.mov(reg64(r), reg64(rx));
  switch (op.opcode) {
    case Opcode::IntNeg: a.neg(reg64(r)); break;
    case Opcode::IntInvert: a.not_(reg64(r)); break;
    case Opcode::IntForceGeZero:
      a.xor_(a.r11d, a.r11d);
      a.test(reg64(r), reg64(r));
      a.cmovs(reg64(r), a.r11);
      break;
    default: break;  // same_as, casts between ints and pointers: a move
  }
}

void TraceAssembler::emit_comparison(const Op& op, bool fused) {
  auto& a = *a_;
  Cond cond;
  bool is_float = op.opcode >= Opcode::FloatLt && op.opcode <= Opcode::FloatGe;
  if (is_float) {
    ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
    int xa = ra_->use_xmm(x), xb = ra_->use_xmm(y);
    switch (op.opcode) {
      case Opcode::FloatLt: a.ucomisd(xmm(xb), xmm(xa)); cond = Cond::A; break;
      case Opcode::FloatLe: a.ucomisd(xmm(xb), xmm(xa)); cond = Cond::AE; break;
      case Opcode::FloatGt: a.ucomisd(xmm(xa), xmm(xb)); cond = Cond::A; break;
      case Opcode::FloatGe: a.ucomisd(xmm(xa), xmm(xb)); cond = Cond::AE; break;
      default: {
        a.ucomisd(xmm(xa), xmm(xb));
        Gpr r = ra_->def_gpr(op.result);
        bool eq = op.opcode == Opcode::FloatEq;
        setcc(eq ? Cond::E : Cond::NE, reg8(r));
        setcc(eq ? Cond::NP : Cond::P, a.r11b);
        if (eq) a.and_(reg8(r), a.r11b);
        else a.or_(reg8(r), a.r11b);
        a.movzx(reg32(r), reg8(r));
        return;
      }
    }
  } else if (op.opcode == Opcode::IntIsTrue || op.opcode == Opcode::IntIsZero) {
    ValueId x = trace_.arg(op, 0);
    Location l = ra_->loc(x);
    if (l.is_slot()) a.cmp(slot_mem(l.index), 0);
    else {
      Gpr rx = ra_->use_gpr(x);
      a.test(reg64(rx), reg64(rx));
    }
    cond = op.opcode == Opcode::IntIsTrue ? Cond::NE : Cond::E;
  } else {
    ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
    Opcode opcode = op.opcode;
    if (trace_.is_const(x) && !trace_.is_const(y)) {
      std::swap(x, y);
      opcode = *swapped_comparison(opcode);
    }
    Gpr rx = ra_->use_gpr(x);
    bool y_imm = trace_.is_const(y) && fits_imm32(trace_.const_int_value(y)) &&
                 !(trace_.type(y) == ValueType::Ref && trace_.const_int_value(y) != 0);
    if (y_imm) a.cmp(reg64(rx), static_cast<int32_t>(trace_.const_int_value(y)));
    else {
      Location ly = ra_->loc(y);
      if (ly.is_slot()) a.cmp(reg64(rx), slot_mem(ly.index));
      else a.cmp(reg64(rx), reg64(ra_->use_gpr(y)));
    }
    switch (opcode) {
      case Opcode::IntLt: cond = Cond::L; break;
      case Opcode::IntLe: cond = Cond::LE; break;
      case Opcode::IntEq: case Opcode::PtrEq: case Opcode::InstancePtrEq: cond = Cond::E; break;
      case Opcode::IntNe: case Opcode::PtrNe: case Opcode::InstancePtrNe: cond = Cond::NE; break;
      case Opcode::IntGt: cond = Cond::G; break;
      case Opcode::IntGe: cond = Cond::GE; break;
      case Opcode::UintLt: cond = Cond::B; break;
      case Opcode::UintLe: cond = Cond::BE; break;
      case Opcode::UintGt: cond = Cond::A; break;
      case Opcode::UintGe: cond = Cond::AE; break;
      default: throw std::logic_error("emit_comparison");
    }
  }
  if (fused) {
    pending_cond_ = cond;
    has_pending_cond_ = true;
    return;
  }
  Gpr r = ra_->def_gpr(op.result);
  setcc(cond, reg8(r));
  a.movzx(reg32(r), reg8(r));
}

void TraceAssembler::emit_float_binary(const Op& op) {
  auto& a = *a_;
  // No swapping of "commutative" operands: with two nans, x86 keeps the first one's payload and
  // sign, as the reference interpreter's x * y does.
  ValueId x = trace_.arg(op, 0), y = trace_.arg(op, 1);
  int xa = ra_->use_xmm(x), xb = ra_->use_xmm(y);
  int r = ra_->def_xmm(op.result, x);
  if (r != xa) a.movapd(xmm(r), xmm(xa));
  switch (op.opcode) {
    case Opcode::FloatAdd: a.addsd(xmm(r), xmm(xb)); break;
    case Opcode::FloatSub: a.subsd(xmm(r), xmm(xb)); break;
    case Opcode::FloatMul: a.mulsd(xmm(r), xmm(xb)); break;
    case Opcode::FloatTrueDiv: a.divsd(xmm(r), xmm(xb)); break;
    default: throw std::logic_error("emit_float_binary");
  }
}

void TraceAssembler::emit_float_unary(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0);
  int xs = ra_->use_xmm(x);
  int r = ra_->def_xmm(op.result, x);
  if (r != xs) a.movapd(xmm(r), xmm(xs));
  bool neg = op.opcode == Opcode::FloatNeg;
  a.mov(a.r11, neg ? uint64_t{0x8000000000000000} : uint64_t{0x7fffffffffffffff});
  a.movq(xmm(kScratchXmm), a.r11);
  if (neg) a.xorpd(xmm(r), xmm(kScratchXmm));
  else a.andpd(xmm(r), xmm(kScratchXmm));
}

void TraceAssembler::emit_cast(const Op& op) {
  auto& a = *a_;
  ValueId x = trace_.arg(op, 0);
  switch (op.opcode) {
    case Opcode::CastIntToFloat: {
      Gpr rx = ra_->use_gpr(x);
      int r = ra_->def_xmm(op.result);
      a.xorpd(xmm(r), xmm(r));
      a.cvtsi2sd(xmm(r), reg64(rx));
      return;
    }
    case Opcode::ConvertLonglongBytesToFloat: {
      Gpr rx = ra_->use_gpr(x);
      int r = ra_->def_xmm(op.result);
      a.movq(xmm(r), reg64(rx));
      return;
    }
    case Opcode::ConvertFloatBytesToLonglong: {
      int xs = ra_->use_xmm(x);
      Gpr r = ra_->def_gpr(op.result);
      a.movq(reg64(r), xmm(xs));
      return;
    }
    case Opcode::CastFloatToInt: {
      int xs = ra_->use_xmm(x);
      Gpr r = ra_->def_gpr(op.result);
      // cvttsd2si gives INT64_MIN for nan and out-of-range values: fix those up out of line.
      a.cvttsd2si(reg64(r), xmm(xs));
      a.mov(a.r11, uint64_t{0x8000000000000000});
      a.cmp(reg64(r), a.r11);
      auto slow = std::make_shared<Xbyak::Label>();
      auto back = std::make_shared<Xbyak::Label>();
      a.je(*slow, Xbyak::CodeGenerator::T_NEAR);
      a.L(*back);
      out_of_line_.push_back([this, slow, back, xs, r] {
        auto& a = *a_;
        Xbyak::Label is_nan;
        a.L(*slow);
        a.ucomisd(xmm(xs), xmm(xs));
        a.jp(is_nan, Xbyak::CodeGenerator::T_NEAR);
        a.xorpd(xmm(kScratchXmm), xmm(kScratchXmm));
        a.ucomisd(xmm(xs), xmm(kScratchXmm));
        a.jb(*back, Xbyak::CodeGenerator::T_NEAR);  // negative: INT64_MIN is right
        a.mov(reg64(r), uint64_t{0x7fffffffffffffff});
        a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
        a.L(is_nan);
        a.mov(reg32(r), 0);
        a.jmp(*back, Xbyak::CodeGenerator::T_NEAR);
      });
      return;
    }
    default: throw std::logic_error("emit_cast");
  }
}

}  // namespace rpp::jit::x86
