// Reading and making str/bytes objects (layout.h: hash 8, length 16, chars 24; narrow iff every
// code point < 256). StrView reads a string without allocating; it holds a raw pointer, valid
// until the next call that may collect. TextOut collects code points in C++ memory and makes
// the string at the end, narrow or wide as its contents say (the one allocation of most
// helpers, so they need no rooting). The one-char narrow strings and the empty string are
// prebuilt (read-only; s[i] and chr() never allocate for code points < 256).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/layout.h"

namespace rpp::rlib {

struct StrView {
  const void* obj;
  int64_t length;
  bool wide;

  explicit StrView(const void* s)
      : obj(s), length(layout::str_length(s)), wide(layout::str_is_wide(s)) {}
  const uint8_t* narrow() const { return layout::str_narrow_chars(obj); }
  const char32_t* wide_chars() const { return layout::str_wide_chars(obj); }
  char32_t operator[](int64_t i) const { return wide ? wide_chars()[i] : char32_t(narrow()[i]); }
  std::u32string to_u32(int64_t start, int64_t stop) const;
  std::u32string to_u32() const { return to_u32(0, length); }
};

// Allocation of an uninitialized (zeroed) string of `length` chars of a kind, or bytes.
void* alloc_str(int64_t length, bool wide);
void* alloc_bytes(int64_t length);
inline uint8_t* mutable_narrow_chars(void* s) { return static_cast<uint8_t*>(s) + layout::kStrCharsOffset; }
inline char32_t* mutable_wide_chars(void* s) {
  return reinterpret_cast<char32_t*>(static_cast<char*>(s) + layout::kStrCharsOffset);
}

// Strings from C++ data (never GC memory: it could move during the allocation).
void* str_from_latin1(const uint8_t* chars, size_t n);
void* str_from_ascii(std::string_view text);
void* str_from_code_points(const char32_t* chars, size_t n);  // narrow when it can be
void* str_from_u32(const std::u32string& text);
void* bytes_from(const char* data, size_t n);

// The prebuilt strings.
void* one_char_str(uint8_t c);
void* empty_str();
void* empty_bytes();
// A one-char str for any code point (allocates only for code points >= 256).
void* str_of_char(char32_t c);

class TextOut {
 public:
  void reserve(size_t n) { wide_ ? w_.reserve(n) : n_.reserve(n); }
  void push(char32_t c) {
    if (!wide_ && c < 256) {
      n_.push_back(char(c));
      return;
    }
    if (!wide_) widen();
    w_.push_back(c);
  }
  void append(const StrView& s, int64_t start, int64_t stop);
  void append(const StrView& s) { append(s, 0, s.length); }
  void append_ascii(std::string_view text) {
    if (wide_) for (char c : text) w_.push_back(char32_t(uint8_t(c)));
    else n_.append(text);
  }
  size_t size() const { return wide_ ? w_.size() : n_.size(); }
  char32_t back() const { return wide_ ? w_.back() : char32_t(uint8_t(n_.back())); }
  void* finish() const;  // allocates the str

 private:
  void widen();
  bool wide_ = false;
  std::string n_;
  std::u32string w_;
};

}  // namespace rpp::rlib
