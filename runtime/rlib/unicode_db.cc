// Lookups in the generated Unicode tables (unicode_db.h).
#include "runtime/rlib/unicode_db.h"

#include "runtime/rlib/unicode_db_data.inc"

namespace rpp::rlib::unicode {

namespace {
using namespace unicode_data;

constexpr Record kNoRecord = {0, -1, 0, 0, 0};

void append_mapping(char32_t c, int32_t mapping, std::u32string& out) {
  if (mapping >= kMappingSpecial) {  // deltas are within +-0x10FFFF
    const char32_t* p = kSpecialMappings + (mapping - kMappingSpecial);
    out.append(p + 1, p[0]);
  } else {
    out.push_back(char32_t(int32_t(c) + mapping));
  }
}

bool has(char32_t c, uint32_t flag) { return record(c).flags & flag; }
}  // namespace

const Record& record(char32_t c) {
  if (c >= 0x110000) return kNoRecord;
  uint32_t block = kIndex1[c >> kShift];
  return kRecords[kIndex2[(block << kShift) | (c & ((1u << kShift) - 1))]];
}

bool is_alpha(char32_t c) { return has(c, kAlpha); }
bool is_decimal(char32_t c) { return has(c, kDecimal); }
bool is_digit(char32_t c) { return has(c, kDigit); }
bool is_numeric(char32_t c) { return has(c, kNumeric); }
bool is_alnum(char32_t c) { return has(c, kAlpha | kDecimal | kDigit | kNumeric); }
bool is_space(char32_t c) { return has(c, kSpace); }
bool is_lower(char32_t c) { return has(c, kLower); }
bool is_upper(char32_t c) { return has(c, kUpper); }
bool is_title(char32_t c) { return has(c, kTitle); }
bool is_cased(char32_t c) { return has(c, kCased); }
bool is_case_ignorable(char32_t c) { return has(c, kCaseIgnorable); }
bool is_printable(char32_t c) { return has(c, kPrintable); }
bool is_xid_start(char32_t c) { return has(c, kXidStart); }
bool is_xid_continue(char32_t c) { return has(c, kXidContinue); }
int decimal_value(char32_t c) { return record(c).decimal; }

void append_lower(char32_t c, std::u32string& out) { append_mapping(c, record(c).lower, out); }
void append_upper(char32_t c, std::u32string& out) { append_mapping(c, record(c).upper, out); }
void append_title(char32_t c, std::u32string& out) { append_mapping(c, record(c).title, out); }

const char* unicode_version() { return kUnicodeVersion; }

}  // namespace rpp::rlib::unicode
