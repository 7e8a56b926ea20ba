// UTF-8 and Latin-1 between str and bytes with CPython's errors, and the bytes helpers.
#include <doctest/doctest.h>

#include <string>

#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/utf8.h"
#include "tests/runtime/runtime_test_support.h"

using namespace rpp::runtime_test;
namespace layout = rpp::layout;

namespace {
std::string decode(const std::string& bytes) {
  void* s = rpp_helper_bytes_decode_utf8(B(bytes));
  return s ? U(s) : take_exception();
}
}  // namespace

TEST_CASE("utf-8 decoding with CPython's UnicodeDecodeError messages") {
  CHECK(decode("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80") == "h\u00e9llo \u20ac \U0001F600");
  CHECK(decode("\xff") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  CHECK(decode("ab\xc3") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data");
  CHECK(decode("\xe2\x82") == "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  CHECK(decode("\xe2\x28\xa1") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte");
  CHECK(decode("\xe2\x82\x28") == "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
  CHECK(decode("\xed\xa0\x80") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
  CHECK(decode("\xc0\x80") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte");
  CHECK(decode("\xf4\x90\x80\x80") == "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte");
  CHECK(!layout::str_is_wide(rpp_helper_bytes_decode_utf8(B("caf\xc3\xa9"))));
}

TEST_CASE("encoding: utf-8 rejects surrogates, latin-1 code points >= 256") {
  CHECK(UB(rpp_helper_str_encode_utf8(S("\u20ac!"))) == "\xe2\x82\xac!");
  void* escaped = rpp::rlib::str_from_utf8_lossless("a\xff");  // surrogateescape: U+DCFF
  CHECK(layout::str_char_at(escaped, 1) == 0xDCFF);
  CHECK(rpp_helper_str_encode_utf8(escaped) == nullptr);
  CHECK(take_exception() == "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed");
  CHECK(rpp::rlib::utf8_of(escaped) == "a\xff");  // printing round-trips the byte
  CHECK(UB(rpp_helper_str_encode_latin1(S("caf\u00e9"))) == "caf\xe9");
  CHECK(rpp_helper_str_encode_latin1(S("a\u20ac\u20acb")) == nullptr);
  CHECK(take_exception() == "UnicodeEncodeError: 'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)");
  CHECK(U(rpp_helper_bytes_decode_latin1(B("caf\xe9"))) == "caf\u00e9");
}

TEST_CASE("bytes helpers") {
  CHECK(UB(rpp_helper_bytes_concat(B("ab"), B(std::string_view("\x00\xff", 2)))) == std::string("ab\0\xff", 4));
  CHECK(rpp_helper_bytes_eq(B("ab"), B("ab")));
  CHECK(!rpp_helper_bytes_eq(B("ab"), B("abc")));
  CHECK(rpp_helper_bytes_cmp(B("ab"), B("abc")) < 0);
  CHECK(rpp_helper_bytes_cmp(B("\xff"), B("a")) > 0);
  CHECK(UB(rpp_helper_bytes_slice(B("hello"), 1, -1)) == "ell");
  CHECK(rpp_helper_bytes_find(B("hello"), B("ll"), 0, INT64_MAX) == 2);
  CHECK(rpp_helper_bytes_hash(B("abc")) == rpp_helper_bytes_hash(B("abc")));
  CHECK(layout::type_id_of(rpp_helper_bytes_slice(B("hello"), 1, 3)) == layout::kTidBytes);
}

