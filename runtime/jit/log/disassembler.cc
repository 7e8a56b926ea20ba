// Capstone disassembly (see disassembler.h).
#include "runtime/jit/log/disassembler.h"

#include <capstone/capstone.h>

#include <cstdio>
#include <stdexcept>

namespace rpp::jit {

namespace {

class CapstoneHandle {
 public:
  CapstoneHandle() {
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle_) != CS_ERR_OK) throw std::runtime_error("capstone: cs_open failed");
  }
  ~CapstoneHandle() { cs_close(&handle_); }
  csh get() const { return handle_; }

 private:
  csh handle_ = 0;
};

template <class Fn>
void each_instruction(const uint8_t* code, size_t size, Fn&& fn) {
  CapstoneHandle cs;
  cs_insn* insn = cs_malloc(cs.get());
  const uint8_t* p = code;
  size_t left = size;
  uint64_t address = 0;
  while (left > 0) {
    if (!cs_disasm_iter(cs.get(), &p, &left, &address, insn)) {
      // Not an instruction (data, or padding): show one byte and go on.
      fn(nullptr, address, *p);
      ++p;
      --left;
      ++address;
      continue;
    }
    fn(insn, insn->address, 0);
  }
  cs_free(insn, 1);
}

}  // namespace

std::string disassemble(const uint8_t* code, size_t size) {
  std::string out;
  char line[256];
  each_instruction(code, size, [&](cs_insn* insn, uint64_t address, uint8_t byte) {
    if (insn) std::snprintf(line, sizeof line, "  %6llx: %s %s\n", static_cast<unsigned long long>(address), insn->mnemonic, insn->op_str);
    else std::snprintf(line, sizeof line, "  %6llx: .byte 0x%02x\n", static_cast<unsigned long long>(address), byte);
    out += line;
  });
  return out;
}

size_t count_instructions(const uint8_t* code, size_t size) {
  size_t n = 0;
  each_instruction(code, size, [&](cs_insn*, uint64_t, uint8_t) { ++n; });
  return n;
}

}  // namespace rpp::jit
