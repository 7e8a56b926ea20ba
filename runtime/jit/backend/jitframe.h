// The JIT frame: a GC object holding a running loop's spilled values and, at an exit, every live
// value (RPython's JITFRAME). The machine code keeps its address in rbp; the GC finds it through a
// shadow-stack slot and traces the slots that `gcmap` marks as references.
//
// Slot layout: [0, 16) the general registers saved at an exit (indexed by register number),
// [16, 32) the xmm registers, then the spill slots. A gcmap is an array of words: gcmap[0] is the
// number of bitmap words that follow; bit i of the bitmap marks slot i as a reference.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/jit/ir/descr.h"
#include "runtime/layout.h"

namespace rpp::jit {

// The type id of JIT frames, fixed by layout.h.
inline constexpr uint32_t kTidJitFrame = layout::kTidJitFrame;

struct JitFrame {
  layout::GcHeader header;
  FailDescr* descr;            // the exit taken (a guard's or a finish's descriptor)
  FailDescr* force_descr;      // set when the frame was forced: the guard_not_forced to fail
  const uint64_t* gcmap;       // the references among the slots (see above); null: none
  layout::GcHeader* guard_exc; // at a guard failure: the pending exception value (a reference)
  JitFrame* forward;           // after a reallocation: the new frame (a reference)
  int64_t length;              // number of slots
  Word slots[];
};

inline constexpr size_t kJitFrameDescrOffset = 8;
inline constexpr size_t kJitFrameForceDescrOffset = 16;
inline constexpr size_t kJitFrameGcmapOffset = 24;
inline constexpr size_t kJitFrameGuardExcOffset = 32;
inline constexpr size_t kJitFrameForwardOffset = 40;
inline constexpr size_t kJitFrameLengthOffset = 48;
inline constexpr size_t kJitFrameSlotsOffset = 56;

inline constexpr int kFrameGprSaveSlot = 0;    // + register number
inline constexpr int kFrameXmmSaveSlot = 16;   // + xmm number
inline constexpr int kFrameFirstSpillSlot = 32;

// The type info of JIT frames, for the GC's type table (the GC must special-case kTidJitFrame to
// trace only the slots its gcmap marks).
inline layout::TypeInfo jitframe_type_info() {
  layout::TypeInfo info{};
  info.fixed_size = kJitFrameSlotsOffset;
  info.flags = layout::kTypeInfoVarsize;
  info.item_size = 8;
  info.length_offset = kJitFrameLengthOffset;
  info.items_offset = kJitFrameSlotsOffset;
  return info;
}

inline bool gcmap_is_ref(const uint64_t* gcmap, int64_t slot) {
  if (!gcmap || slot < 0) return false;
  uint64_t word = static_cast<uint64_t>(slot) / 64;
  return word < gcmap[0] && ((gcmap[1 + word] >> (slot % 64)) & 1);
}

}  // namespace rpp::jit

namespace rpp::jit {
static_assert(offsetof(JitFrame, descr) == kJitFrameDescrOffset);
static_assert(offsetof(JitFrame, force_descr) == kJitFrameForceDescrOffset);
static_assert(offsetof(JitFrame, gcmap) == kJitFrameGcmapOffset);
static_assert(offsetof(JitFrame, guard_exc) == kJitFrameGuardExcOffset);
static_assert(offsetof(JitFrame, forward) == kJitFrameForwardOffset);
static_assert(offsetof(JitFrame, length) == kJitFrameLengthOffset);
static_assert(offsetof(JitFrame, slots) == kJitFrameSlotsOffset);
}  // namespace rpp::jit
