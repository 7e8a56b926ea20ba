// The hash of str and bytes (SEMANTICS.md: over code points, with xxHash): XXH3-64 of the
// canonical representation (narrow: one byte per code point; wide: UTF-32 little-endian; a str
// has exactly one representation, so equal strings hash equally), 0 remapped to 1. genc uses
// the same function to emit the hashes of prebuilt strings.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rpp::rlib {

int64_t hash_string_bytes(const void* data, size_t size);

}  // namespace rpp::rlib
