// x86-64 disassembly of machine code with Capstone, for JIT logs and tests: one instruction per
// line, "  OFFSET: MNEMONIC OPERANDS" (offsets in hex from the start of the code, so the text does
// not depend on where the code was placed).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace rpp::jit {

std::string disassemble(const uint8_t* code, size_t size);

// The number of instructions in the code (for tests bounding code size).
size_t count_instructions(const uint8_t* code, size_t size);

}  // namespace rpp::jit
