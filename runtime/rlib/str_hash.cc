// Hashes of str and bytes (str_hash.h); the helpers str_hash and bytes_hash cache the hash in
// the object, except in prebuilt objects (which may be read-only data).
#include "runtime/rlib/str_hash.h"

#include <xxhash.h>

#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"

namespace rpp::rlib {

int64_t hash_string_bytes(const void* data, size_t size) {
  auto h = int64_t(XXH3_64bits(data, size));
  return h == 0 ? 1 : h;
}

int64_t hash_code_points(const std::u32string& text) {
  bool wide = false;
  for (char32_t c : text) wide |= c >= 256;
  std::string bytes;
  for (char32_t c : text) {
    if (!wide) {
      bytes.push_back(char(uint8_t(c)));
      continue;
    }
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(char(uint8_t(uint32_t(c) >> shift)));
  }
  return hash_string_bytes(bytes.data(), bytes.size());
}

namespace {
int64_t cached_hash(void* s, size_t char_size) {
  int64_t h = layout::read_at<int64_t>(s, layout::kStrHashOffset);
  if (h != 0) return h;
  h = hash_string_bytes(static_cast<char*>(s) + layout::kStrCharsOffset, size_t(layout::str_length(s)) * char_size);
  if (!(layout::header_of(s)->flags & layout::kGcFlagPrebuilt)) layout::write_at<int64_t>(s, layout::kStrHashOffset, h);
  return h;
}
}  // namespace

}  // namespace rpp::rlib

extern "C" {

int64_t rpp_helper_str_hash(void* s) {
  return rpp::rlib::cached_hash(s, rpp::layout::str_is_wide(s) ? 4 : 1);
}

int64_t rpp_helper_bytes_hash(void* b) { return rpp::rlib::cached_hash(b, 1); }

}  // extern "C"
