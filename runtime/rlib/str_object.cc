// Reading and making str/bytes objects (str_object.h), and the prebuilt strings.
#include "runtime/rlib/str_object.h"

#include <array>
#include <cstring>

#include "runtime/gc/gc.h"

namespace rpp::rlib {

namespace {

// A one-char (or empty) narrow string as static, read-only data.
struct alignas(8) PrebuiltStr {
  layout::GcHeader header;
  int64_t hash;
  int64_t length;
  uint8_t chars[8];
};
static_assert(sizeof(PrebuiltStr) == layout::str_allocation_size(1, false));

constexpr std::array<PrebuiltStr, 256> make_one_char_strings() {
  std::array<PrebuiltStr, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c].header = {layout::kTidStrNarrow, layout::kGcFlagPrebuilt};
    table[c].hash = 0;  // never cached in prebuilt objects: str_hash computes it (1 byte)
    table[c].length = 1;
    table[c].chars[0] = uint8_t(c);
  }
  return table;
}

constexpr std::array<PrebuiltStr, 256> kOneCharStrings = make_one_char_strings();
constexpr PrebuiltStr kEmptyStr = {{layout::kTidStrNarrow, layout::kGcFlagPrebuilt}, 0, 0, {}};
constexpr PrebuiltStr kEmptyBytes = {{layout::kTidBytes, layout::kGcFlagPrebuilt}, 0, 0, {}};

}  // namespace

std::u32string StrView::to_u32(int64_t start, int64_t stop) const {
  std::u32string out;
  out.reserve(size_t(stop - start));
  for (int64_t i = start; i < stop; ++i) out.push_back((*this)[i]);
  return out;
}

void* alloc_str(int64_t length, bool wide) {
  return rpp_gc_malloc_varsize(wide ? layout::kTidStrWide : layout::kTidStrNarrow, length);
}
void* alloc_bytes(int64_t length) { return rpp_gc_malloc_varsize(layout::kTidBytes, length); }

void* one_char_str(uint8_t c) { return const_cast<PrebuiltStr*>(&kOneCharStrings[c]); }
void* empty_str() { return const_cast<PrebuiltStr*>(&kEmptyStr); }
void* empty_bytes() { return const_cast<PrebuiltStr*>(&kEmptyBytes); }

void* str_of_char(char32_t c) {
  if (c < 256) return one_char_str(uint8_t(c));
  void* s = alloc_str(1, true);
  mutable_wide_chars(s)[0] = c;
  return s;
}

void* str_from_latin1(const uint8_t* chars, size_t n) {
  if (n == 0) return empty_str();
  if (n == 1) return one_char_str(chars[0]);
  void* s = alloc_str(int64_t(n), false);
  std::memcpy(mutable_narrow_chars(s), chars, n);
  return s;
}

void* str_from_ascii(std::string_view text) {
  return str_from_latin1(reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

void* str_from_code_points(const char32_t* chars, size_t n) {
  char32_t max = 0;
  for (size_t i = 0; i < n; ++i) max = chars[i] > max ? chars[i] : max;
  if (max < 256) {
    if (n == 0) return empty_str();
    if (n == 1) return one_char_str(uint8_t(chars[0]));
    void* s = alloc_str(int64_t(n), false);
    uint8_t* out = mutable_narrow_chars(s);
    for (size_t i = 0; i < n; ++i) out[i] = uint8_t(chars[i]);
    return s;
  }
  void* s = alloc_str(int64_t(n), true);
  std::memcpy(mutable_wide_chars(s), chars, 4 * n);
  return s;
}

void* str_from_u32(const std::u32string& text) { return str_from_code_points(text.data(), text.size()); }

void* bytes_from(const char* data, size_t n) {
  if (n == 0) return empty_bytes();
  void* b = alloc_bytes(int64_t(n));
  std::memcpy(mutable_narrow_chars(b), data, n);
  return b;
}

void TextOut::append(const StrView& s, int64_t start, int64_t stop) {
  if (!s.wide && !wide_) {
    n_.append(reinterpret_cast<const char*>(s.narrow()) + start, size_t(stop - start));
    return;
  }
  for (int64_t i = start; i < stop; ++i) push(s[i]);
}

void TextOut::widen() {
  wide_ = true;
  w_.reserve(n_.size() + 16);
  for (char c : n_) w_.push_back(char32_t(uint8_t(c)));
  n_.clear();
}

void* TextOut::finish() const {
  if (wide_) return str_from_u32(w_);
  return str_from_latin1(reinterpret_cast<const uint8_t*>(n_.data()), n_.size());
}

}  // namespace rpp::rlib
