// Unicode character classes, decimal values and full case mappings, from tables generated at
// build time from the embedded CPython's unicodedata (gen_unicode_db.py; never hand-written).
// The class predicates mean what the one-char str methods of CPython mean (c.isalpha() ...).
#pragma once
#include <cstdint>
#include <string>

namespace rpp::rlib::unicode {

struct Record {
  uint32_t flags;
  int32_t decimal;  // -1: not a decimal digit
  int32_t lower, upper, title;
};

const Record& record(char32_t c);

bool is_alpha(char32_t c);
bool is_decimal(char32_t c);
bool is_digit(char32_t c);
bool is_numeric(char32_t c);
bool is_alnum(char32_t c);
bool is_space(char32_t c);
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_title(char32_t c);  // category Lt
bool is_cased(char32_t c);
bool is_case_ignorable(char32_t c);
bool is_printable(char32_t c);
bool is_xid_start(char32_t c);     // "c".isidentifier()
bool is_xid_continue(char32_t c);  // ("a" + c).isidentifier()
int decimal_value(char32_t c);     // -1 if none

// Full case mappings of one code point (1 to 3 code points), appended to `out`.
void append_lower(char32_t c, std::u32string& out);
void append_upper(char32_t c, std::u32string& out);
void append_title(char32_t c, std::u32string& out);

const char* unicode_version();

}  // namespace rpp::rlib::unicode
