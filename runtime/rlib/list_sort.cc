// list.sort() of the item types RPython sorts natively (SEMANTICS.md "Lists"): Signed, Float,
// str, char (UniChar, 4 bytes) and bool (1 byte) items, TimSort (timsort.h) in place over items [start, start + n) of a GcArray. Other
// orders (instances, a user `lt`) are rpython.rlib.listsort.TimSort subclasses, translated as
// ordinary RPython.
#include "runtime/gc/gc.h"
#include "runtime/layout.h"
#include "runtime/rlib/helpers.h"
#include "runtime/rlib/timsort.h"

namespace layout = rpp::layout;

namespace {

template <class T>
T* items_from(void* array, int64_t start) {
  const layout::TypeInfo& info = rpp::gc::type_info(layout::type_id_of(array));
  return reinterpret_cast<T*>(static_cast<char*>(array) + info.items_offset) + start;
}

}  // namespace

extern "C" {

void rpp_helper_array_sort_int(void* array, int64_t start, int64_t n) {
  rpp::rlib::timsort(items_from<int64_t>(array, start), n, [](int64_t a, int64_t b) { return a < b; });
}

void rpp_helper_array_sort_float(void* array, int64_t start, int64_t n) {
  rpp::rlib::timsort(items_from<double>(array, start), n, [](double a, double b) { return a < b; });
}

void rpp_helper_array_sort_char(void* array, int64_t start, int64_t n) {
  rpp::rlib::timsort(items_from<uint32_t>(array, start), n, [](uint32_t a, uint32_t b) { return a < b; });
}

void rpp_helper_array_sort_bool(void* array, int64_t start, int64_t n) {
  rpp::rlib::timsort(items_from<uint8_t>(array, start), n, [](uint8_t a, uint8_t b) { return a < b; });
}

void rpp_helper_array_sort_str(void* array, int64_t start, int64_t n) {
  // References move between cards of the array: the whole array is remembered.
  rpp::gc::write_barrier(array);
  rpp::rlib::timsort(items_from<void*>(array, start), n,
                     [](void* a, void* b) { return rpp_helper_str_cmp(a, b) < 0; });
}

}  // extern "C"
