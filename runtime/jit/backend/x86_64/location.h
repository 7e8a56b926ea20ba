// Where a value is during code generation: a general register, an xmm register, a JIT-frame slot,
// an immediate (constants), or an outgoing stack argument of a call ([rsp + 8 * index]). Frame
// slots are indexes into JitFrame::slots.
#pragma once
#include <cstdint>

#include "runtime/jit/backend/jitframe.h"
#include "runtime/jit/backend/x86_64/registers.h"

namespace rpp::jit::x86 {

struct Location {
  enum Kind : uint8_t { None, InGpr, InXmm, InSlot, Immediate, OnStack } kind = None;
  int32_t index = 0;  // register number or slot number
  uint64_t imm = 0;   // for Immediate: the bits (of an int, a ref or a float)

  static Location gpr(Gpr r) { return {InGpr, r, 0}; }
  static Location xmm(int x) { return {InXmm, x, 0}; }
  static Location slot(int s) { return {InSlot, s, 0}; }
  static Location immediate(uint64_t bits) { return {Immediate, 0, bits}; }
  static Location stack_arg(int i) { return {OnStack, i, 0}; }

  bool is_gpr() const { return kind == InGpr; }
  bool is_xmm() const { return kind == InXmm; }
  bool is_slot() const { return kind == InSlot; }
  bool is_imm() const { return kind == Immediate; }
  bool is_stack() const { return kind == OnStack; }
  bool is_memory() const { return kind == InSlot || kind == OnStack; }
  bool is_reg() const { return kind == InGpr || kind == InXmm; }
  Gpr reg() const { return static_cast<Gpr>(index); }
  bool operator==(const Location& o) const {
    return kind == o.kind && (kind == Immediate ? imm == o.imm : index == o.index);
  }

  // The frame slot where this location's value is found after an exit saved the registers.
  int exit_slot() const {
    if (kind == InGpr) return kFrameGprSaveSlot + index;
    if (kind == InXmm) return kFrameXmmSaveSlot + index;
    return index;
  }
  static Location from_exit_slot(int s, bool is_float) {
    if (s < kFrameXmmSaveSlot) return gpr(static_cast<Gpr>(s - kFrameGprSaveSlot));
    if (s < kFrameFirstSpillSlot) return xmm(s - kFrameXmmSaveSlot);
    (void)is_float;
    return slot(s);
  }
};

inline int32_t slot_offset(int slot) { return static_cast<int32_t>(kJitFrameSlotsOffset + 8 * slot); }

}  // namespace rpp::jit::x86
