// UTF-8 and Latin-1 between str and bytes (SEMANTICS.md "Text and bytes"), plus conversions of
// str to C++ UTF-8 text for messages, printing and system calls.
#pragma once
#include <string>
#include <string_view>

namespace rpp::rlib {

// UTF-8 of a str for output: lone surrogates U+DC80..U+DCFF become the byte they escape
// (surrogateescape, so argv round-trips), other surrogates are encoded as their 3 bytes.
std::string utf8_of(const void* str);
void append_utf8(char32_t c, std::string& out);
// A str from UTF-8 text; invalid bytes decode as U+DC80 + byte (surrogateescape).
void* str_from_utf8_lossless(std::string_view text);

}  // namespace rpp::rlib
