// Format specifications, in the two syntaxes the rtyper passes to format_int, format_float and
// format_str: a printf-style conversion of `%` formatting, starting with '%' ("%-08.3f": flags
// `-+ #0`, width, .precision, then the conversion d i x X o e E f F g G s r), or a PEP 3101
// format spec of format()/f-strings/str.format ("[[fill]align][sign][z][#][0][width]
// [,|_][.precision][type]"). Invalid specs are reported with CPython's message.
#pragma once
#include <cstdint>
#include <string>

namespace rpp::rlib {

struct FormatSpec {
  bool percent_style = false;
  char32_t fill = ' ';
  bool fill_given = false;
  char align = 0;  // '<' '>' '^' '=' or 0 (the type's default)
  char sign = 0;   // '+' ' ' '-' or 0
  bool no_neg_zero = false;  // 'z'
  bool alt = false;          // '#'
  bool zero = false;         // '0'
  int64_t width = -1;
  char grouping = 0;  // ',' '_' or 0
  int64_t precision = -1;
  char type = 0;
};

// Parses `spec` (code points); false with `error` set if it is not valid.
bool parse_format_spec(const std::u32string& spec, FormatSpec& out, std::string& error);

}  // namespace rpp::rlib
