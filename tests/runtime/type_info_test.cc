// The runtime's own type-info entries agree with the layout contract: object sizes of strings,
// builders, dict index tables and lists of str, and the GC pointers the GC traces in them.
#include <doctest/doctest.h>

#include "runtime/gc/gc.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/str_list.h"
#include "tests/runtime/runtime_test_support.h"

using namespace rpp::runtime_test;
namespace layout = rpp::layout;
using rpp::gc::object_size;
using rpp::gc::runtime_type_info;

TEST_CASE("sizes of the runtime's types") {
  for (int64_t n : {0, 1, 7, 8, 100}) {
    CHECK(object_size(runtime_type_info(layout::kTidStrNarrow), n) == layout::str_allocation_size(n, false));
    CHECK(object_size(runtime_type_info(layout::kTidBytes), n) == layout::str_allocation_size(n, false));
    CHECK(object_size(runtime_type_info(layout::kTidStrWide), n) == layout::str_allocation_size(n, true));
    CHECK(object_size(runtime_type_info(layout::kTidStrArray), n) == rpp::gc::round_up_object_size(16 + 8 * size_t(n)));
    CHECK(object_size(runtime_type_info(layout::kTidDictIndexes), n) == rpp::gc::round_up_object_size(16 + 4 * size_t(n)));
    CHECK(object_size(runtime_type_info(layout::kTidJitFrame), n) == 56 + 8 * size_t(n));
  }
  CHECK(object_size(runtime_type_info(layout::kTidStrBuilder), 0) == layout::kBuilderSize);
  CHECK(object_size(runtime_type_info(layout::kTidStrList), 0) == 24);
  CHECK(runtime_type_info(layout::kTidStrList).gc_ptr_offsets[0] == layout::kListItemsOffset);
  CHECK(runtime_type_info(layout::kTidStrBuilder).gc_ptr_offsets[0] == layout::kBuilderBufOffset);
  CHECK(runtime_type_info(layout::kTidInvalid).fixed_size == 0);
  CHECK(runtime_type_info(12).fixed_size == 0);  // unassigned
}

TEST_CASE("objects the runtime makes carry the runtime's type ids and lengths") {
  void* s = S("h\u00e9llo");
  CHECK(layout::type_id_of(s) == layout::kTidStrNarrow);
  CHECK(layout::str_narrow_chars(s)[5] == 0);  // the zero byte after a narrow str
  void* w = S("\u20ac");
  CHECK(layout::type_id_of(w) == layout::kTidStrWide);
  void* list = rpp::rlib::new_str_list(3);
  CHECK(layout::type_id_of(list) == layout::kTidStrList);
  CHECK(rpp::rlib::str_sequence_length(list) == 3);
  void* b = rpp_helper_builder_new(10);
  CHECK(layout::type_id_of(b) == layout::kTidStrBuilder);
  CHECK(layout::str_length(layout::read_at<void*>(b, layout::kBuilderBufOffset)) == 10);
  void* d = rpp_helper_dict_new(kTidDict, kTidIntEntries);
  CHECK(layout::type_id_of(layout::read_at<void*>(d, layout::kDictIndexesOffset)) == layout::kTidDictIndexes);
  CHECK(rpp_gc_identity_hash(static_cast<layout::GcHeader*>(d)) != 0);
  CHECK(rpp_gc_identity_hash(static_cast<layout::GcHeader*>(d)) == rpp_gc_identity_hash(static_cast<layout::GcHeader*>(d)));
}
