// Linear-scan register allocation over a trace, done while code is emitted (as RPython's x86
// backend does): operations are visited in order; a value gets a register when it is defined or
// first needed, keeps it until its last use, and is spilled to a JIT-frame slot when registers run
// out (the value used furthest in the future goes). A spilled value keeps its slot until it dies,
// so it is stored once however often it is reloaded. Values living across a call get callee-saved
// registers when there are free ones; references across a call that may collect and floats across
// any call are spilled (the GC finds them through the frame's gcmap).
//
// Per operation the assembler: claims fixed registers (evict), loads arguments (use_*), allocates
// the result (def_*), emits code, then calls end_op(), which releases the values dying here.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "runtime/jit/backend/x86_64/liveness.h"
#include "runtime/jit/backend/x86_64/location.h"
#include "runtime/jit/backend/x86_64/moves.h"

namespace rpp::jit::x86 {

class RegisterAllocator {
 public:
  RegisterAllocator(const Trace& trace, const Liveness& live, MoveEmitter& moves);

  // Initial placement (loop inputs in frame slots, bridge inputs where their guard left them).
  void place(ValueId v, Location where);

  void begin_op(int32_t pos) { pos_ = pos; }
  void end_op();

  // Where v is now (a register if it has one, else its slot; constants are immediates).
  Location loc(ValueId v) const;
  bool is_float(ValueId v) const { return trace_.type(v) == ValueType::Float; }

  // v in a general register, locked for this operation (constants into a temporary register).
  Gpr use_gpr(ValueId v, uint32_t avoid_mask = 0);
  int use_xmm(ValueId v);
  // v in this very register (whatever was there moves out first); locked.
  void use_fixed_gpr(ValueId v, Gpr r);
  // A register for the result of this operation. `reuse`: an argument dying here whose register
  // the result may take over. `avoid_mask`: registers the result must not get.
  Gpr def_gpr(ValueId result, std::optional<ValueId> reuse = std::nullopt, uint32_t avoid_mask = 0);
  int def_xmm(ValueId result, std::optional<ValueId> reuse = std::nullopt);
  // The result in a given register (e.g. rax after a call); the register must be free.
  void def_fixed(ValueId result, Location reg);
  // A scratch register for this operation only.
  Gpr temp_gpr(uint32_t avoid_mask = 0);
  int temp_xmm();
  // Empties a register (moving or spilling its value) and locks it for this operation.
  void evict_gpr(Gpr r);
  // v (if not dying) gets a valid frame slot; it keeps its register unless `drop_register`.
  int spill(ValueId v, bool drop_register);
  bool dies_here(ValueId v) const { return !trace_.is_const(v) && live_.last_use(v) <= pos_; }

  // Around calls: moves values live after the call out of caller-saved registers (into free
  // callee-saved ones, or slots); with `can_collect`, references go to slots only. Values in
  // `into_slots` are spilled whatever their type (call_may_force: guard_not_forced reads them
  // from the frame while the call runs).
  void before_call(bool can_collect, const std::vector<ValueId>& into_slots);
  // After the call returned: caller-saved registers hold nothing any more.
  void after_call();

  // The references live after this operation, as exit slots (registers as their save slots when
  // `include_registers`, else only frame slots); for gcmaps.
  std::vector<int> live_ref_slots(bool include_registers, ValueId exclude = kNoValue) const;
  // Values in registers right now (for saving all registers around slow paths).
  bool gpr_in_use(Gpr r) const { return gpr_owner_[r] != kNoValue; }

  // Labels: puts the label's arguments in registers where possible and returns their locations;
  // the final jump's arguments then prefer the same registers.
  std::vector<Location> place_label_args(std::span<const ValueId> args);

  int frame_depth() const { return max_slot_ + 1; }
  // A fresh spill slot (for code placing values itself).
  int new_spill_slot() { return new_slot(); }
  void reserve_slots_below(int n);  // slots [kFrameFirstSpillSlot, n) are in use (not allocatable)

 private:
  static constexpr ValueId kTemp = kNoValue - 1;
  std::optional<Gpr> free_gpr(bool prefer_callee_saved, uint32_t avoid) const;
  std::optional<int> free_xmm(uint32_t avoid) const;
  Gpr alloc_gpr(bool prefer_callee_saved, uint32_t avoid, std::optional<Gpr> hint = std::nullopt);
  int alloc_xmm(uint32_t avoid, std::optional<int> hint = std::nullopt);
  int new_slot();
  void release(ValueId v);
  void unbind(ValueId v);
  void bind(ValueId v, Location reg);
  std::optional<Location> hint_for(ValueId v) const;

  const Trace& trace_;
  const Liveness& live_;
  MoveEmitter& moves_;
  int32_t pos_ = -1;
  std::vector<Location> reg_;
  std::vector<int32_t> slot_;
  std::vector<bool> slot_valid_;
  ValueId gpr_owner_[kNumGprs];
  ValueId xmm_owner_[kNumXmms];
  uint32_t locked_gpr_ = 0, locked_xmm_ = 0;
  std::vector<bool> slot_used_;
  std::vector<ValueId> slot_owner_;  // the value whose (valid) copy a slot holds
  int max_slot_ = kFrameFirstSpillSlot - 1;
  std::vector<Location> label_hints_;
  std::vector<ValueId> dying_;  // scratch for end_op
};

}  // namespace rpp::jit::x86
