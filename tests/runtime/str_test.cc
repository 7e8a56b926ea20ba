// Unit tests of the str helpers against CPython: every method over sample strings (expected
// values computed by CPython at build time: strings_cases.inc), plus the representation rules
// (narrow/wide, prebuilt one-char strings, hashes over code points).
#include <doctest/doctest.h>

#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_list.h"
#include "tests/runtime/expected_cases.h"
#include "tests/runtime/runtime_test_support.h"

namespace rpp::runtime_test {
#include "tests/runtime/strings_cases.inc"
}

using namespace rpp::runtime_test;
namespace layout = rpp::layout;

namespace {

std::string hex_of(const std::string& bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string boolean(bool b) { return b ? "True" : "False"; }

using Method = std::function<std::string(void*)>;

const std::map<std::string, Method>& methods() {
  static const std::map<std::string, Method> table = {
      {"lower", [](void* s) { return U(rpp_helper_str_lower(s)); }},
      {"upper", [](void* s) { return U(rpp_helper_str_upper(s)); }},
      {"swapcase", [](void* s) { return U(rpp_helper_str_swapcase(s)); }},
      {"capitalize", [](void* s) { return U(rpp_helper_str_capitalize(s)); }},
      {"title", [](void* s) { return U(rpp_helper_str_title(s)); }},
      {"strip", [](void* s) { return U(rpp_helper_str_strip(s, true, true)); }},
      {"lstrip", [](void* s) { return U(rpp_helper_str_strip(s, true, false)); }},
      {"rstrip", [](void* s) { return U(rpp_helper_str_strip(s, false, true)); }},
      {"strip_chars", [](void* s) { return U(rpp_helper_str_strip_chars(s, S("a\u00e9 ,x"), true, true)); }},
      {"repr", [](void* s) { return U(rpp_helper_str_repr(s)); }},
      {"split", [](void* s) { return repr_of_str_list(rpp_helper_str_split(s, nullptr, -1)); }},
      {"split1", [](void* s) { return repr_of_str_list(rpp_helper_str_split(s, nullptr, 1)); }},
      {"rsplit1", [](void* s) { return repr_of_str_list(rpp_helper_str_rsplit(s, nullptr, 1)); }},
      {"split_comma", [](void* s) { return repr_of_str_list(rpp_helper_str_split(s, S(","), -1)); }},
      {"split_comma2", [](void* s) { return repr_of_str_list(rpp_helper_str_split(s, S(","), 2)); }},
      {"rsplit_comma1", [](void* s) { return repr_of_str_list(rpp_helper_str_rsplit(s, S(","), 1)); }},
      {"splitlines", [](void* s) { return repr_of_str_list(rpp_helper_str_splitlines(s, false)); }},
      {"splitlines_keep", [](void* s) { return repr_of_str_list(rpp_helper_str_splitlines(s, true)); }},
      {"replace", [](void* s) { return U(rpp_helper_str_replace(s, S("a"), S("<A>"), -1)); }},
      {"replace_empty", [](void* s) { return U(rpp_helper_str_replace(s, S(""), S("-"), 3)); }},
      {"ljust", [](void* s) { return U(rpp_helper_str_ljust(s, 20, U'*')); }},
      {"rjust", [](void* s) { return U(rpp_helper_str_rjust(s, 20, U' ')); }},
      {"center", [](void* s) { return U(rpp_helper_str_center(s, 21, U'\u00b7')); }},
      {"zfill", [](void* s) { return U(rpp_helper_str_zfill(s, 10)); }},
      {"isspace", [](void* s) { return boolean(rpp_helper_str_isspace(s)); }},
      {"isalpha", [](void* s) { return boolean(rpp_helper_str_isalpha(s)); }},
      {"isdigit", [](void* s) { return boolean(rpp_helper_str_isdigit(s)); }},
      {"isalnum", [](void* s) { return boolean(rpp_helper_str_isalnum(s)); }},
      {"isdecimal", [](void* s) { return boolean(rpp_helper_str_isdecimal(s)); }},
      {"isnumeric", [](void* s) { return boolean(rpp_helper_str_isnumeric(s)); }},
      {"isupper", [](void* s) { return boolean(rpp_helper_str_isupper(s)); }},
      {"islower", [](void* s) { return boolean(rpp_helper_str_islower(s)); }},
      {"istitle", [](void* s) { return boolean(rpp_helper_str_istitle(s)); }},
      {"isidentifier", [](void* s) { return boolean(rpp_helper_str_isidentifier(s)); }},
      {"isprintable", [](void* s) { return boolean(rpp_helper_str_isprintable(s)); }},
      {"isascii", [](void* s) { return boolean(rpp_helper_str_isascii(s)); }},
      {"find_o", [](void* s) { return std::to_string(rpp_helper_str_find(s, S("o"), 0, INT64_MAX)); }},
      {"rfind_o", [](void* s) { return std::to_string(rpp_helper_str_rfind(s, S("o"), 0, INT64_MAX)); }},
      {"find_range", [](void* s) { return std::to_string(rpp_helper_str_find(s, S("a"), 2, -1)); }},
      {"count_a", [](void* s) { return std::to_string(rpp_helper_str_count(s, S("a"), 0, INT64_MAX)); }},
      {"count_empty", [](void* s) { return std::to_string(rpp_helper_str_count(s, S(""), 0, INT64_MAX)); }},
      {"find_empty_far", [](void* s) { return std::to_string(rpp_helper_str_find(s, S(""), 50, INT64_MAX)); }},
      {"encode", [](void* s) { return hex_of(UB(rpp_helper_str_encode_utf8(s))); }},
      {"mul3", [](void* s) { return U(rpp_helper_str_mul(s, 3)); }},
      {"slice", [](void* s) { return U(rpp_helper_str_slice(s, 2, -3)); }},
      {"slice_neg", [](void* s) { return U(rpp_helper_str_slice(s, -5, INT64_MAX)); }},
      {"join", [](void* s) { return U(rpp_helper_str_join(S("|"), rpp_helper_str_split(s, nullptr, -1))); }},
  };
  return table;
}

// A str is narrow iff all its code points are < 256.
bool canonical(void* s) {
  bool has_wide_char = false;
  for (int64_t i = 0; i < layout::str_length(s); ++i) has_wide_char |= layout::str_char_at(s, i) >= 256;
  return layout::str_is_wide(s) == has_wide_char;
}

}  // namespace

TEST_CASE("every str method over the samples, as CPython") {
  int checked = 0;
  for (const StrMethodCase& c : kStrMethodCases) {
    auto it = methods().find(c.method);
    REQUIRE_MESSAGE(it != methods().end(), c.method);
    void* input = S(c.input);
    std::string got = it->second(input);
    std::string error = take_exception();
    if (!error.empty()) got = error;
    if (got != c.expected) std::fprintf(stderr, "MISMATCH %s(%s): got [%s] expected [%s]\n", c.method, c.input, got.c_str(), c.expected);
    CHECK(got == std::string(c.expected));
    ++checked;
  }
  CHECK(checked > 1000);
}

TEST_CASE("results are canonical: narrow iff every code point < 256") {
  void* wide = S("\u20ac100");
  CHECK(layout::str_is_wide(wide));
  void* tail = rpp_helper_str_slice(wide, 1, 4);
  CHECK(U(tail) == "100");
  CHECK(!layout::str_is_wide(tail));
  CHECK(canonical(rpp_helper_str_concat(S("a"), S("\u00e9"))));
  CHECK(canonical(rpp_helper_str_lower(S("\u0130"))));  // İ -> i + combining dot (wide)
  CHECK(canonical(rpp_helper_str_upper(S("\u00ff"))));  // ÿ -> Ÿ (U+0178: wide)
  CHECK(layout::str_is_wide(rpp_helper_str_upper(S("\u00ff"))));
  CHECK(!layout::str_is_wide(rpp_helper_str_lower(S("\u0178"))));
  CHECK(canonical(rpp_helper_str_replace(S("a\u20acb"), S("\u20ac"), S(""), -1)));
  CHECK(!layout::str_is_wide(rpp_helper_str_replace(S("a\u20acb"), S("\u20ac"), S(""), -1)));
}

TEST_CASE("one-char strings below 256 are prebuilt and never allocated") {
  void* a = rpp_helper_str_from_char(U'a');
  CHECK(a == rpp_helper_str_from_char(U'a'));
  CHECK((layout::header_of(a)->flags & layout::kGcFlagPrebuilt) != 0);
  CHECK(rpp_helper_str_from_char(0xe9) == rpp_helper_str_slice(S("caf\u00e9"), 3, 4));
  CHECK(rpp_helper_str_from_char(U'x') == rpp_helper_str_slice(S("\u20acx"), 1, 2));
  void* euro = rpp_helper_str_from_char(0x20ac);
  CHECK(layout::str_is_wide(euro));
  CHECK(U(euro) == "\u20ac");
  CHECK(U(rpp_helper_str_chr(0x1F600)) == "\U0001F600");
  CHECK(rpp_helper_str_chr(0x110000) == nullptr);
  CHECK(take_exception() == "ValueError: chr() arg not in range(0x110000)");
}

TEST_CASE("hash over code points: equal strings hash equally, prebuilt hashes are not cached") {
  void* x = S("hello \u00e9");
  void* y = rpp_helper_str_concat(S("hello "), S("\u00e9"));
  CHECK(x != y);
  CHECK(rpp_helper_str_hash(x) == rpp_helper_str_hash(y));
  CHECK(rpp_helper_str_hash(x) != 0);
  CHECK(layout::read_at<int64_t>(x, layout::kStrHashOffset) == rpp_helper_str_hash(x));
  CHECK(rpp_helper_str_hash(S("\u20ac")) == rpp_helper_str_hash(rpp_helper_str_slice(S("a\u20ac"), 1, 2)));
  void* c = rpp_helper_str_from_char(U'q');
  CHECK(rpp_helper_str_hash(c) == rpp_helper_str_hash(S("q")));
  CHECK(layout::read_at<int64_t>(c, layout::kStrHashOffset) == 0);
  CHECK(rpp_helper_str_hash(S("")) != 0);
}

TEST_CASE("equality and ordering by code point") {
  CHECK(rpp_helper_str_eq(S("abc"), S("abc")));
  CHECK(!rpp_helper_str_eq(S("abc"), S("abd")));
  CHECK(!rpp_helper_str_eq(S("abc"), nullptr));
  CHECK(rpp_helper_str_eq(nullptr, nullptr));
  CHECK(rpp_helper_str_cmp(S("abc"), S("abd")) < 0);
  CHECK(rpp_helper_str_cmp(S("ab"), S("abc")) < 0);
  CHECK(rpp_helper_str_cmp(S("\u00e9"), S("z")) > 0);
  CHECK(rpp_helper_str_cmp(S("\u20ac"), S("\u00ff")) > 0);
  CHECK(rpp_helper_str_cmp(S("x\u20ac"), S("x\u20ac")) == 0);
  CHECK(rpp_helper_str_startswith(S("hello"), S("he")));
  CHECK(!rpp_helper_str_startswith(S("hello"), S("\u20ac")));
  CHECK(rpp_helper_str_endswith(S("h\u20acllo"), S("llo")));
  CHECK(rpp_helper_str_find_char(S("h\u20acllo"), U'l', 0, INT64_MAX) == 2);
  CHECK(rpp_helper_str_rfind_char(S("hello"), U'l', 0, INT64_MAX) == 3);
  CHECK(rpp_helper_str_find_char(S("hello"), 0x20ac, 0, INT64_MAX) == -1);
  CHECK(rpp_helper_str_find(S("abcabc"), S("c"), -3, INT64_MAX) == 5);
  CHECK(rpp_helper_str_rfind(S("abc"), S(""), 0, INT64_MAX) == 3);
}

TEST_CASE("split and join errors, lists of str are the runtime's types") {
  CHECK(rpp_helper_str_split(S("a,b"), S(""), -1) == nullptr);
  CHECK(take_exception() == "ValueError: empty separator");
  void* list = rpp_helper_str_split(S("a b"), nullptr, -1);
  CHECK(layout::type_id_of(list) == layout::kTidStrList);
  CHECK(layout::type_id_of(layout::read_at<void*>(list, layout::kListItemsOffset)) == layout::kTidStrArray);
  void* items = layout::read_at<void*>(list, layout::kListItemsOffset);
  CHECK(U(rpp_helper_str_join(S(", "), items)) == "a, b");  // a fixed list (GcArray) works too
  CHECK(U(rpp_helper_str_join(S("\u20ac"), list)) == "a\u20acb");
  void* holes = rpp::rlib::new_str_list(2);
  rpp::rlib::set_str_list_item(holes, 0, S("x"));
  CHECK(rpp_helper_str_join(S(""), holes) == nullptr);
  CHECK(take_exception() == "TypeError: sequence item 1: expected str instance, NoneType found");
}

