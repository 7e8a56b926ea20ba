// Register names for disassembly and error messages.
#include "runtime/jit/backend/x86_64/registers.h"

namespace rpp::jit::x86 {

const char* gpr_name(Gpr r) {
  static const char* const kNames[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
                                       "r8",  "r9",  "r10", "r11", "r12", "r13", "r14", "r15"};
  return kNames[r];
}

}  // namespace rpp::jit::x86
