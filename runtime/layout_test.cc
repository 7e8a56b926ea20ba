// Unit tests of the layout contract (runtime/layout.h): offsets, string access, globals.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "runtime/layout.h"

using namespace rpp::layout;

TEST_CASE("fixed offsets agree with the C structs") {
  CHECK(offsetof(GcHeader, tid) == kTidOffset);
  CHECK(offsetof(GcHeader, flags) == kGcFlagsOffset);
  CHECK(offsetof(StrObject, hash) == kStrHashOffset);
  CHECK(offsetof(StrObject, length) == kStrLengthOffset);
  CHECK(offsetof(ClassVtable, subclassrange_min) == kVtableSubclassrangeMinOffset);
  CHECK(offsetof(ClassVtable, subclassrange_max) == kVtableSubclassrangeMaxOffset);
  CHECK(offsetof(ClassVtable, name) == kVtableNameOffset);
  CHECK(offsetof(ClassVtable, instantiate) == kVtableInstantiateOffset);
  CHECK(kTypeptrOffset == kGcHeaderSize);
  CHECK(kArrayItemsOffset == kArrayLengthOffset + kInlinedArrayItemsDelta);
}

TEST_CASE("the globals live at one fixed address") {
  auto base = reinterpret_cast<uintptr_t>(&rpp_globals);
  CHECK(reinterpret_cast<uintptr_t>(&rpp_globals.exc_value) == base + kGlobalsExcValueOffset);
  CHECK(reinterpret_cast<uintptr_t>(&rpp_globals.nursery_free) == base + kGlobalsNurseryFreeOffset);
  CHECK(rpp_globals.exc_type == nullptr);  // zero-initialized: no exception pending
}

// Builds a string object in a word-aligned buffer, as the runtime would.
static std::vector<uint64_t> make_str(const std::u32string& text, bool wide) {
  std::vector<uint64_t> words(str_allocation_size(int64_t(text.size()), wide) / 8, 0);
  auto* s = reinterpret_cast<StrObject*>(words.data());
  s->header.tid = wide ? kTidStrWide : kTidStrNarrow;
  s->length = int64_t(text.size());
  char* chars = reinterpret_cast<char*>(words.data()) + kStrCharsOffset;
  for (size_t i = 0; i < text.size(); ++i) {
    if (wide) std::memcpy(chars + 4 * i, &text[i], 4);
    else chars[i] = char(text[i]);
  }
  return words;
}

TEST_CASE("strings: narrow and wide kinds, code points by index") {
  auto narrow = make_str(U"h\xe9llo", false);
  CHECK(!str_is_wide(narrow.data()));
  CHECK(str_length(narrow.data()) == 5);
  CHECK(str_char_at(narrow.data(), 1) == U'\xe9');
  CHECK(str_narrow_chars(narrow.data())[5] == 0);  // the trailing zero byte
  auto wide = make_str(U"a\u20ac\U0001F600", true);
  CHECK(str_is_wide(wide.data()));
  CHECK(str_length(wide.data()) == 3);
  CHECK(str_char_at(wide.data(), 1) == U'\u20ac');
  CHECK(str_char_at(wide.data(), 2) == U'\U0001F600');
}

TEST_CASE("allocation sizes: rounded to 8, never below the minimum") {
  CHECK(str_allocation_size(0, false) == 32);  // 24 + 1 zero byte -> 32
  CHECK(str_allocation_size(7, false) == 32);
  CHECK(str_allocation_size(8, false) == 40);
  CHECK(str_allocation_size(1, true) == 32);
  CHECK(str_allocation_size(2, true) == 32);
  CHECK(str_allocation_size(3, true) == 40);
}
