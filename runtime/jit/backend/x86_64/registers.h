// The x86-64 registers as the backend uses them. Numbers are the hardware encodings (rax 0 ..
// r15 15; xmm0 .. xmm15). rbp holds the JIT frame, rsp the machine stack; r10, r11 and xmm15 are
// scratch registers the code generator uses between allocations; the others are allocated.
#pragma once
#include <array>
#include <cstdint>

namespace rpp::jit::x86 {

enum Gpr : uint8_t { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };

inline constexpr int kNumGprs = 16;
inline constexpr int kNumXmms = 16;

// Allocation order: caller-saved first (for values that do not live across calls), then
// callee-saved (rbx, r12-r15) for values that do.
inline constexpr std::array<Gpr, 7> kCallerSavedGprs = {RAX, RCX, RDX, RSI, RDI, R8, R9};
inline constexpr std::array<Gpr, 5> kCalleeSavedGprs = {RBX, R12, R13, R14, R15};
inline constexpr int kNumAllocatableXmms = 15;  // xmm0 .. xmm14; xmm15 is scratch

inline constexpr Gpr kScratch = R11;
inline constexpr Gpr kScratch2 = R10;
inline constexpr int kScratchXmm = 15;

inline constexpr std::array<Gpr, 6> kArgGprs = {RDI, RSI, RDX, RCX, R8, R9};
inline constexpr int kNumArgXmms = 8;

inline constexpr bool is_callee_saved(Gpr r) {
  return r == RBX || r == RBP || r == R12 || r == R13 || r == R14 || r == R15;
}
inline constexpr bool is_allocatable(Gpr r) { return r != RSP && r != RBP && r != R10 && r != R11; }

const char* gpr_name(Gpr r);

}  // namespace rpp::jit::x86
