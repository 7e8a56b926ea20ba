// The hash of str and bytes (SEMANTICS.md: over code points, with xxHash): XXH3-64 of the
// canonical representation (narrow: one byte per code point; wide: UTF-32 little-endian; a str
// has exactly one representation, so equal strings hash equally), 0 remapped to 1. genc uses
// the same function to emit the hashes of prebuilt strings.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace rpp::rlib {

int64_t hash_string_bytes(const void* data, size_t size);

// The hash str_hash computes for the str of these code points (its canonical representation
// built here): what the rtyper stores in prebuilt dicts and genc in prebuilt strs.
int64_t hash_code_points(const std::u32string& text);

}  // namespace rpp::rlib
