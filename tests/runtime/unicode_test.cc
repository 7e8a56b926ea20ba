// The Unicode classes and case mappings of every code point against CPython: per page of 4096
// code points, a hash of what the helpers answer equals the hash CPython's str methods give
// (unicode_cases.inc, computed at build time).
#include <doctest/doctest.h>

#include <cstdint>
#include <ios>
#include <string>

#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_object.h"
#include "runtime/rlib/unicode_db.h"
#include "tests/runtime/runtime_test_support.h"

namespace rpp::runtime_test {
#include "tests/runtime/unicode_cases.inc"
}

using namespace rpp::runtime_test;
namespace layout = rpp::layout;

namespace {

uint64_t fnv(uint64_t h, uint32_t value) {
  for (int k = 0; k < 4; ++k) {
    h ^= (value >> (8 * k)) & 0xFF;
    h *= 0x100000001B3ull;
  }
  return h;
}

uint64_t hash_mapping(uint64_t h, void* mapped) {
  int64_t n = layout::str_length(mapped);
  h = fnv(h, uint32_t(n));
  for (int64_t i = 0; i < n; ++i) h = fnv(h, uint32_t(layout::str_char_at(mapped, i)));
  return h;
}

}  // namespace

TEST_CASE("classes and case mappings of all code points equal CPython's") {
  int pages = int(sizeof(kUnicodePageHashes) / sizeof(kUnicodePageHashes[0]));
  CHECK(pages == 0x110000 / 4096);
  int mismatches = 0;
  for (int page = 0; page < pages; ++page) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (char32_t c = char32_t(page * 4096); c < char32_t((page + 1) * 4096); ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      void* s = rpp::rlib::str_of_char(c);
      bool classes[] = {rpp_helper_unichar_isalpha(c), rpp_helper_unichar_isdecimal(c), rpp_helper_unichar_isdigit(c),
                        rpp_helper_unichar_isnumeric(c), rpp_helper_unichar_isspace(c), rpp_helper_unichar_islower(c),
                        rpp_helper_unichar_isupper(c), rpp_helper_unichar_isalnum(c), rpp_helper_str_isprintable(s),
                        rpp_helper_str_isidentifier(s), rpp_helper_str_istitle(s)};
      uint32_t bits = 0;
      for (int i = 0; i < 11; ++i)
        if (classes[i]) bits |= 1u << i;
      h = fnv(h, bits);
      h = hash_mapping(h, rpp_helper_str_lower(s));
      h = hash_mapping(h, rpp_helper_str_upper(s));
      h = hash_mapping(h, rpp_helper_str_title(s));
    }
    if (h != kUnicodePageHashes[page]) {
      ++mismatches;
      MESSAGE("page " << page << " (U+" << std::hex << page * 4096 << ") differs");
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a few classes by hand") {
  namespace u = rpp::rlib::unicode;
  CHECK(u::is_space(U' '));
  CHECK(u::is_space(0x3000));
  CHECK(u::is_space(0x1C));
  CHECK(!u::is_space(0x200B));
  CHECK(u::decimal_value(0x0663) == 3);
  CHECK(u::decimal_value(U'x') == -1);
  CHECK(u::is_alpha(0x4E2D));
  CHECK(u::is_cased(U'a'));
  CHECK(u::is_case_ignorable(U'\''));
  CHECK(std::string(u::unicode_version()).size() > 0);
}

