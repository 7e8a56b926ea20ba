// The three kinds of values a trace computes with (RPython's 'i', 'r', 'f'), plus Void for
// operations without a result. Int is a signed 64-bit word, Ref a GC pointer (or null), Float an
// IEEE double.
#pragma once
#include <cstdint>

namespace rpp::jit {

enum class ValueType : uint8_t { Int, Ref, Float, Void };

// The letter that starts a variable's name in the text form: i0, p1, f2.
constexpr char type_prefix(ValueType t) {
  switch (t) {
    case ValueType::Int: return 'i';
    case ValueType::Ref: return 'p';
    case ValueType::Float: return 'f';
    case ValueType::Void: return 'v';
  }
  return '?';
}

constexpr const char* type_name(ValueType t) {
  switch (t) {
    case ValueType::Int: return "int";
    case ValueType::Ref: return "ref";
    case ValueType::Float: return "float";
    case ValueType::Void: return "void";
  }
  return "?";
}

// A value as 64 bits, however typed (floats by their bit pattern, refs by their address).
using Word = uint64_t;

}  // namespace rpp::jit
