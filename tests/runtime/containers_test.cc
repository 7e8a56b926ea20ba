// Lists (amortized growth, shrinking, array copies), ordered dicts (int, str, identity and
// custom keys; deletion, iteration order, growth, clear) and string builders.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "runtime/gc/gc.h"
#include "runtime/layout.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/slice_bounds.h"
#include "runtime/rlib/timsort.h"
#include "tests/runtime/runtime_test_support.h"

using namespace rpp::runtime_test;
namespace layout = rpp::layout;

namespace {

void* new_int_list() {
  void* items = rpp_gc_malloc_varsize(kTidIntArray, 0);
  void* list = rpp::gc::allocate_fixed(kTidIntList);
  layout::write_at<void*>(list, layout::kListItemsOffset, items);
  return list;
}
int64_t length(void* list) { return layout::read_at<int64_t>(list, layout::kListLengthOffset); }
void* items(void* list) { return layout::read_at<void*>(list, layout::kListItemsOffset); }
int64_t& item(void* list, int64_t i) {
  return *reinterpret_cast<int64_t*>(static_cast<char*>(items(list)) + 16 + 8 * i);
}
void append(void* list, int64_t v) {
  int64_t n = length(list);
  rpp_helper_list_resize_ge(list, n + 1);
  item(list, n) = v;
}

char* entry(void* d, int64_t e) {
  void* entries = layout::read_at<void*>(d, layout::kDictEntriesOffset);
  return static_cast<char*>(entries) + 16 + 24 * e;
}
int64_t& value(void* d, int64_t e) { return *reinterpret_cast<int64_t*>(entry(d, e) + 16); }
int64_t num_items(void* d) { return layout::read_at<int64_t>(d, layout::kDictNumItemsOffset); }

std::vector<int64_t> keys_in_order(void* d) {
  std::vector<int64_t> out;
  for (int64_t e = rpp_helper_dict_next_index(d, 0); e >= 0; e = rpp_helper_dict_next_index(d, e + 1))
    out.push_back(layout::read_at<int64_t>(entry(d, e), 8));
  return out;
}

bool objects_equal_by_number(void* a, void* b) {
  return layout::read_at<int64_t>(a, 16) == layout::read_at<int64_t>(b, 16);
}
bool raising_eq(void*, void*) {
  rpp::rlib::raise_builtin(layout::kExcRuntimeError, std::string_view("eq failed"));
  return false;
}

}  // namespace

TEST_CASE("lists grow amortized and keep their items") {
  void* list = new_int_list();
  std::vector<int64_t> capacities;
  for (int64_t i = 0; i < 1000; ++i) {
    append(list, i * 3);
    int64_t cap = layout::array_length(items(list));
    if (capacities.empty() || capacities.back() != cap) capacities.push_back(cap);
  }
  CHECK(length(list) == 1000);
  for (int64_t i = 0; i < 1000; ++i) CHECK(item(list, i) == i * 3);
  CHECK(capacities.size() < 60);  // geometric growth, not one reallocation per append
  rpp_helper_list_resize_le(list, 10);
  CHECK(length(list) == 10);
  CHECK(layout::array_length(items(list)) < 100);
  CHECK(item(list, 9) == 27);
  rpp_helper_list_resize_le(list, 8);  // in place: the removed items are cleared
  CHECK(item(list, 8) == 0);
  rpp_helper_list_resize_ge(list, 9);
  CHECK(item(list, 8) == 0);
}

TEST_CASE("array copies (overlapping too) and reversal") {
  void* list = new_int_list();
  for (int i = 0; i < 10; ++i) append(list, i);
  rpp_helper_array_copy(items(list), items(list), 0, 2, 5);
  std::vector<int64_t> got;
  for (int i = 0; i < 10; ++i) got.push_back(item(list, i));
  CHECK(got == std::vector<int64_t>{0, 1, 0, 1, 2, 3, 4, 7, 8, 9});
  rpp_helper_array_reverse(items(list), 0, 10);
  CHECK(item(list, 0) == 9);
  CHECK(item(list, 9) == 0);
}

TEST_CASE("dicts with int keys: insertion order, lookup, delete, growth, clear") {
  void* d = rpp_helper_dict_new(kTidDict, kTidIntEntries);
  std::map<int64_t, int64_t> model;
  for (int64_t i = 0; i < 2000; ++i) {
    int64_t key = (i * 7919) % 3001 - 1500;
    int64_t e = rpp_helper_dict_insert_int(d, key);
    value(d, e) = i;
    model[key] = i;
  }
  CHECK(num_items(d) == int64_t(model.size()));
  for (auto& [k, v] : model) {
    int64_t e = rpp_helper_dict_lookup_int(d, k);
    REQUIRE(e >= 0);
    CHECK(value(d, e) == v);
  }
  CHECK(rpp_helper_dict_lookup_int(d, 100000) == -1);
  CHECK(rpp_helper_dict_lookup_int(d, model.begin()->first) >= 0);
  // Delete every other key; order of the rest is kept; re-inserting appends at the end.
  std::vector<int64_t> order = keys_in_order(d);
  for (size_t i = 0; i < order.size(); i += 2) rpp_helper_dict_delete_index(d, rpp_helper_dict_lookup_int(d, order[i]));
  std::vector<int64_t> rest;
  for (size_t i = 1; i < order.size(); i += 2) rest.push_back(order[i]);
  CHECK(keys_in_order(d) == rest);
  CHECK(rpp_helper_dict_lookup_int(d, order[0]) == -1);
  rpp_helper_dict_insert_int(d, order[0]);
  CHECK(keys_in_order(d).back() == order[0]);
  CHECK(layout::read_at<int64_t>(entry(d, rpp_helper_dict_last_index(d)), 8) == order[0]);
  for (int round = 0; round < 5; ++round)  // churn: deleted entries are compacted away
    for (int64_t k = 0; k < 500; ++k) {
      rpp_helper_dict_insert_int(d, 1000000 + k);
      rpp_helper_dict_delete_index(d, rpp_helper_dict_lookup_int(d, 1000000 + k));
    }
  CHECK(keys_in_order(d).size() == rest.size() + 1);
  rpp_helper_dict_clear(d);
  CHECK(num_items(d) == 0);
  CHECK(rpp_helper_dict_next_index(d, 0) == -1);
  CHECK(rpp_helper_dict_lookup_int(d, order[1]) == -1);
}

TEST_CASE("dicts with str keys compare by value, with the hash given") {
  void* d = rpp_helper_dict_new(kTidDict, kTidStrEntries);
  for (int i = 0; i < 300; ++i) {
    void* k = S("key" + std::to_string(i));
    value(d, rpp_helper_dict_insert_str(d, k, rpp_helper_str_hash(k))) = i;
  }
  void* probe = rpp_helper_str_concat(S("key"), S("123"));
  int64_t e = rpp_helper_dict_lookup_str(d, probe, rpp_helper_str_hash(probe));
  REQUIRE(e >= 0);
  CHECK(value(d, e) == 123);
  void* wide = S("\u20ac");
  value(d, rpp_helper_dict_insert_str(d, wide, rpp_helper_str_hash(wide))) = -1;
  CHECK(rpp_helper_dict_lookup_str(d, S("\u20ac"), rpp_helper_str_hash(S("\u20ac"))) >= 0);
  CHECK(rpp_helper_dict_lookup_str(d, S("nope"), rpp_helper_str_hash(S("nope"))) == -1);
  CHECK(num_items(d) == 301);
}

TEST_CASE("dicts keyed by identity and by custom eq") {
  void* d = rpp_helper_dict_new(kTidDict, kTidRefEntries);
  void* a = new_object(1);
  void* b = new_object(1);
  rpp_helper_dict_insert_ref(d, a);
  CHECK(rpp_helper_dict_lookup_ref(d, a) == 0);
  CHECK(rpp_helper_dict_lookup_ref(d, b) == -1);
  CHECK(rpp_helper_dict_insert_ref(d, nullptr) == 1);
  CHECK(rpp_helper_dict_lookup_ref(d, nullptr) == 1);

  void* c = rpp_helper_dict_new(kTidDict, kTidRefEntries);
  CHECK(rpp_helper_dict_insert_custom(c, a, 1, objects_equal_by_number) == 0);
  CHECK(rpp_helper_dict_lookup_custom(c, b, 1, objects_equal_by_number) == 0);  // equal by number
  CHECK(rpp_helper_dict_insert_custom(c, b, 1, objects_equal_by_number) == 0);
  CHECK(rpp_helper_dict_lookup_custom(c, new_object(2), 1, objects_equal_by_number) == -1);
  CHECK(take_exception().empty());
  CHECK(rpp_helper_dict_lookup_custom(c, new_object(3), 1, raising_eq) == -1);
  CHECK(take_exception() == "RuntimeError: eq failed");
}

namespace {
// What the rtyper emits for a prebuilt dict with identity keys: placeholder hashes (1) and an
// index table marked stale (slot 0 is kDictSlotStale).
void make_stale(void* d) {
  void* entries = layout::read_at<void*>(d, layout::kDictEntriesOffset);
  int64_t used = layout::read_at<int64_t>(d, layout::kDictNumEverUsedOffset);
  for (int64_t e = 0; e < used; ++e) layout::write_at<int64_t>(entries, 16 + 24 * size_t(e), 1);
  void* indexes = layout::read_at<void*>(d, layout::kDictIndexesOffset);
  auto* slots = reinterpret_cast<int32_t*>(static_cast<char*>(indexes) + layout::kArrayItemsOffset);
  std::fill(slots, slots + layout::array_length(indexes), 0);
  slots[0] = -1;
}
}  // namespace

TEST_CASE("a prebuilt identity-keyed dict gets its hashes and index table at its first use") {
  void* a = new_object(1);
  void* b = new_object(2);
  void* c = new_object(3);
  for (int first = 0; first < 3; ++first) {
    void* d = rpp_helper_dict_new(kTidDict, kTidRefEntries);
    rpp_helper_dict_insert_ref(d, a);
    rpp_helper_dict_insert_ref(d, b);
    rpp_helper_dict_insert_ref(d, nullptr);
    make_stale(d);
    if (first == 0) CHECK(rpp_helper_dict_lookup_ref(d, b) == 1);
    if (first == 1) CHECK(rpp_helper_dict_insert_ref(d, c) == 3);
    if (first == 2) rpp_helper_dict_delete_index(d, 0);  // popitem() before any lookup
    CHECK(rpp_helper_dict_lookup_ref(d, a) == (first == 2 ? -1 : 0));
    CHECK(rpp_helper_dict_lookup_ref(d, b) == 1);
    CHECK(rpp_helper_dict_lookup_ref(d, nullptr) == 2);
    CHECK(rpp_helper_dict_lookup_ref(d, c) == (first == 1 ? 3 : -1));
    CHECK(rpp_helper_dict_next_index(d, 0) == (first == 2 ? 1 : 0));
  }
}

TEST_CASE("string builders: narrow until a wide char, slices, multiple chars, bytes") {
  void* b = rpp_helper_builder_new(2);
  rpp_helper_builder_append(b, S("hello"));
  rpp_helper_builder_append_char(b, U' ');
  rpp_helper_builder_append_slice(b, S("xxworldxx"), 2, 7);
  CHECK(U(rpp_helper_builder_build(b)) == "hello world");
  CHECK(!layout::str_is_wide(rpp_helper_builder_build(b)));
  rpp_helper_builder_append_multiple_char(b, U'!', 3);
  rpp_helper_builder_append_char(b, 0x20ac);
  void* s = rpp_helper_builder_build(b);
  CHECK(U(s) == "hello world!!!\u20ac");
  CHECK(layout::str_is_wide(s));
  CHECK(rpp_helper_builder_length(b) == 15);
  rpp_helper_builder_append(b, S("\u00e9"));
  CHECK(U(rpp_helper_builder_build(b)) == "hello world!!!\u20ac\u00e9");
  CHECK(U(s) == "hello world!!!\u20ac");  // built strings never change
  void* empty = rpp_helper_builder_new(0);
  CHECK(U(rpp_helper_builder_build(empty)) == "");
  void* big = rpp_helper_builder_new(0);
  for (int i = 0; i < 10000; ++i) rpp_helper_builder_append(big, S("ab"));
  CHECK(layout::str_length(rpp_helper_builder_build(big)) == 20000);

  void* bb = rpp_helper_bytes_builder_new(0);
  rpp_helper_bytes_builder_append(bb, B("ab\xff"));
  rpp_helper_bytes_builder_append_char(bb, 0);
  void* built = rpp_helper_bytes_builder_build(bb);
  CHECK(layout::type_id_of(built) == layout::kTidBytes);
  CHECK(UB(built) == std::string("ab\xff\0", 4));
}


TEST_CASE("TimSort is stable and agrees with std::stable_sort on runs, reversals and random data") {
  struct Item {  // (key, original position)
    int64_t first, second;
    bool operator==(const Item& o) const { return first == o.first && second == o.second; }
  };
  auto by_key = [](const Item& a, const Item& b) { return a.first < b.first; };
  uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return int64_t(seed >> 33);
  };
  for (int64_t n : {0, 1, 2, 5, 31, 64, 65, 200, 1000, 5000}) {
    for (int shape = 0; shape < 5; ++shape) {
      std::vector<Item> v;
      for (int64_t i = 0; i < n; ++i) {
        int64_t key = shape == 0   ? next() % 10                  // many equal keys
                      : shape == 1 ? i                            // sorted
                      : shape == 2 ? n - i                        // strictly descending
                      : shape == 3 ? (i / 37) % 2 ? i : n - i     // alternating runs
                                   : next() % 1000000;            // random
        v.push_back({key, i});
      }
      std::vector<Item> expected = v;
      std::stable_sort(expected.begin(), expected.end(), by_key);
      rpp::rlib::timsort(v.data(), int64_t(v.size()), by_key);
      CAPTURE(n);
      CAPTURE(shape);
      CHECK(v == expected);
    }
  }
}

TEST_CASE("array_sort_int / array_sort_float sort a slice of a GcArray in place") {
  void* a = rpp_gc_malloc_varsize(kTidIntArray, 6);
  int64_t* p = reinterpret_cast<int64_t*>(static_cast<char*>(a) + 16);
  int64_t init[] = {9, 5, -3, 7, 0, 1};
  for (int i = 0; i < 6; ++i) p[i] = init[i];
  rpp_helper_array_sort_int(a, 1, 4);  // 5 -3 7 0 -> -3 0 5 7
  std::vector<int64_t> got(p, p + 6);
  CHECK(got == std::vector<int64_t>{9, -3, 0, 5, 7, 1});
  void* f = rpp_gc_malloc_varsize(kTidIntArray, 3);  // 8-byte items: Floats here
  double* q = reinterpret_cast<double*>(static_cast<char*>(f) + 16);
  q[0] = 2.5, q[1] = -1.0, q[2] = 0.5;
  rpp_helper_array_sort_float(f, 0, 3);
  CHECK(q[0] == -1.0);
  CHECK(q[1] == 0.5);
  CHECK(q[2] == 2.5);
}

TEST_CASE("extended slice arithmetic agrees with CPython's slice.indices") {
  // {length, start, stop, step, count, first index (-1: empty)}, from CPython 3.11 (a sample
  // of every combination of the lengths 0 1 5 10, bounds None -12 -3 0 2 4 11, steps -5..3).
  struct Case {
    int64_t length, start, stop, step, count, first;
  };
  using rpp::rlib::kSliceNone;
  const Case cases[] = {
      {0, 11, 0, 3, 0, -1},
      {10, 11, 9, -2, 0, -1},
      {0, 0, kSliceNone, 1, 0, -1},
      {1, 4, 0, -5, 0, -1},
      {0, 4, 9, -2, 0, -1},
      {10, 0, -12, -5, 1, 0},
      {10, kSliceNone, 15, -1, 0, -1},
      {10, -3, kSliceNone, -2, 4, 7},
      {5, 2, 0, 1, 0, -1},
      {1, 0, -12, 1, 0, -1},
      {0, 2, 3, -5, 0, -1},
      {10, -3, 9, 1, 2, 7},
      {0, -12, -1, 2, 0, -1},
      {5, 4, kSliceNone, -5, 1, 4},
      {10, kSliceNone, kSliceNone, 2, 5, 0},
      {0, kSliceNone, kSliceNone, 2, 0, -1},
      {10, kSliceNone, 9, -5, 0, -1},
      {1, 4, 15, 3, 0, -1},
      {1, 2, -12, -5, 1, 0},
      {0, 2, 15, 3, 0, -1},
      {5, -12, 0, -1, 0, -1},
      {0, -12, 0, -1, 0, -1},
      {0, -12, kSliceNone, 1, 0, -1},
      {0, -12, -12, 2, 0, -1},
      {10, 4, -1, 2, 3, 4},
      {0, kSliceNone, 0, -5, 0, -1},
      {5, 2, 3, -5, 0, -1},
      {1, 0, 0, 3, 0, -1},
      {5, 11, 3, -5, 1, 4},
      {0, -12, -1, 3, 0, -1},
      {10, 2, 9, -5, 0, -1},
      {1, 0, 9, 2, 1, 0},
      {10, kSliceNone, -1, -1, 0, -1},
      {10, 0, -12, -2, 1, 0},
      {10, 4, 15, 2, 3, 4},
      {1, 2, -1, 1, 0, -1},
      {5, -3, 9, 3, 1, 2},
      {1, 2, -12, 2, 0, -1},
      {1, 0, 3, 2, 1, 0},
      {10, -12, -1, 3, 3, 0},
      {10, kSliceNone, kSliceNone, -1, 10, 9},
      {10, kSliceNone, kSliceNone, 3, 4, 0},
      {5, kSliceNone, kSliceNone, -2, 3, 4},
  };
  for (const Case& c : cases) {
    CAPTURE(c.length);
    CAPTURE(c.start);
    CAPTURE(c.stop);
    CAPTURE(c.step);
    CHECK(rpp_helper_slice_length(c.length, c.start, c.stop, c.step) == c.count);
    if (c.count) CHECK(rpp_helper_slice_start(c.length, c.start, c.stop, c.step) == c.first);
  }
}
