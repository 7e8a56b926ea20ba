// Values of the ll interpreter: every low-level value is one 64-bit word, its meaning given by
// the low-level type of the variable holding it (Signed int64_t, Unsigned uint64_t, Float the
// IEEE bits, Bool 0/1, Char and UniChar the code point, Ptr and Address the machine address,
// Void 0). This file converts between words and the C++ types of runtime/ops.h, and loads and
// stores a value of a low-level type in memory through ops.h's load/store.
#pragma once
#include <bit>
#include <cstdint>
#include <type_traits>

#include "rtyper/lltype/lltype.h"
#include "runtime/ops.h"

namespace rpp::llinterp {

using Word = uint64_t;

template <class T>
inline T from_word(Word w) {
  if constexpr (std::is_same_v<T, bool>) return w != 0;
  else if constexpr (std::is_same_v<T, double>) return std::bit_cast<double>(w);
  else if constexpr (std::is_pointer_v<T>) return reinterpret_cast<T>(uintptr_t(w));
  else return T(w);
}

template <class T>
inline Word to_word(T v) {
  if constexpr (std::is_same_v<T, bool>) return v ? 1 : 0;
  else if constexpr (std::is_same_v<T, double>) return std::bit_cast<Word>(v);
  else if constexpr (std::is_pointer_v<T>) return Word(reinterpret_cast<uintptr_t>(v));
  else if constexpr (std::is_signed_v<T>) return Word(int64_t(v));
  else return Word(v);
}

inline void* word_ptr(Word w) { return from_word<void*>(w); }

// Reads a value of type `t` (a primitive or a Ptr) at base + offset.
inline Word load_value(const void* base, int64_t offset, const lltype::LowLevelType* t) {
  using namespace lltype;
  if (auto* p = as<Primitive>(t)) {
    switch (p->prim()) {
      case PrimitiveKind::Void: return 0;
      case PrimitiveKind::Bool: return to_word(ops::load<bool>(base, offset));
      case PrimitiveKind::Char: return to_word(ops::load<unsigned char>(base, offset));
      case PrimitiveKind::UniChar: return to_word(ops::load<char32_t>(base, offset));
      case PrimitiveKind::Float: return to_word(ops::load<double>(base, offset));
      default: return ops::load<uint64_t>(base, offset);
    }
  }
  return ops::load<uint64_t>(base, offset);
}

// Writes a value of type `t` at base + offset.
inline void store_value(void* base, int64_t offset, const lltype::LowLevelType* t, Word w) {
  using namespace lltype;
  if (auto* p = as<Primitive>(t)) {
    switch (p->prim()) {
      case PrimitiveKind::Void: return;
      case PrimitiveKind::Bool: return ops::store<bool>(base, offset, w != 0);
      case PrimitiveKind::Char: return ops::store<unsigned char>(base, offset, (unsigned char)w);
      case PrimitiveKind::UniChar: return ops::store<char32_t>(base, offset, char32_t(w));
      default: return ops::store<uint64_t>(base, offset, w);
    }
  }
  ops::store<uint64_t>(base, offset, w);
}

}  // namespace rpp::llinterp
