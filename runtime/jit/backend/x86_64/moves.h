// Moving values between locations (registers, frame slots, stack arguments, immediates), one at a
// time or as a parallel move (all sources read before any destination is written: jumps to
// labels, call arguments). Moves never change the flags, so they may sit between a comparison
// and its conditional jump. r11 is their scratch register; r10 breaks cycles.
#pragma once
#include <vector>

#include <xbyak/xbyak.h>

#include "runtime/jit/backend/x86_64/gc_ref_table.h"
#include "runtime/jit/backend/x86_64/location.h"
#include "runtime/jit/ir/value_type.h"

namespace rpp::jit::x86 {

inline Xbyak::Reg64 reg64(Gpr r) { return Xbyak::Reg64(r); }
inline Xbyak::Reg32 reg32(Gpr r) { return Xbyak::Reg32(r); }
inline Xbyak::Reg16 reg16(Gpr r) { return Xbyak::Reg16(r); }
inline Xbyak::Reg8 reg8(Gpr r) { return Xbyak::Reg8(r, r >= 4 && r < 8); }
inline Xbyak::Xmm xmm(int x) { return Xbyak::Xmm(x); }

struct Move {
  Location dst;
  Location src;
  ValueType type;
};

class MoveEmitter {
 public:
  MoveEmitter(Xbyak::CodeGenerator& a, GcRefTable& refs) : a_(a), refs_(refs) {}

  // The memory operand of a frame slot or a stack argument.
  Xbyak::Address mem(const Location& l) const;
  void move(const Location& dst, const Location& src, ValueType type);
  void parallel(std::vector<Move> moves);
  // Loads an immediate of the given type into a general register (references via the table).
  void load_imm(Gpr dst, uint64_t bits, ValueType type);

 private:
  Xbyak::CodeGenerator& a_;
  GcRefTable& refs_;
};

}  // namespace rpp::jit::x86
