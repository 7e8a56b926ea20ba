// Machine code shared by every loop and bridge of a backend instance, assembled once:
//  - exit_common: the epilogue (pops the frame's shadow-stack slot, restores the callee-saved
//    registers, returns the frame in rax); jumped to with rbp = the frame.
//  - guard_exit: a failing guard's stub jumps here with r11 = its FailDescr: saves every register
//    into the frame's save area, stores the descr and its gcmap into the frame, then exit_common.
//  - save_all / restore_all: subroutines (call) storing / loading the allocatable registers
//    to / from the save area (r10 and r11 untouched), around slow paths that may collect.
//  - realloc_frame: a subroutine called with r11 = ReallocInfo*: grows the frame in rbp to
//    info->depth slots (the GC may move every reference; registers are saved and restored).
#pragma once
#include <cstdint>

#include "runtime/jit/backend/gc_interface.h"
#include "runtime/jit/backend/x86_64/code_memory.h"

namespace rpp::jit::x86 {

// The machine stack of compiled code: the return address, six pushed callee-saved registers, then
// this many bytes (outgoing stack arguments at [rsp], 8 words) keeping rsp 16-byte aligned.
inline constexpr int kStackReserve = 72;
inline constexpr int kMaxStackArgs = 8;

struct ReallocInfo {
  const uint64_t* gcmap;  // the references among the frame's slots when the check runs
  int64_t depth;          // the number of slots needed
  const GcForJit* gc;
};

struct RuntimeStubs {
  uint8_t* exit_common = nullptr;
  uint8_t* guard_exit = nullptr;
  uint8_t* save_all = nullptr;
  uint8_t* restore_all = nullptr;
  uint8_t* realloc_frame = nullptr;
  CodeMemory::Block block;

  void assemble(CodeMemory& memory);
};

// Byte offsets of FailDescr fields read by machine code.
int32_t fail_descr_gcmap_offset();
int32_t fail_descr_finish_count_offset();

}  // namespace rpp::jit::x86
