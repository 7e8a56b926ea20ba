// Resizable lists (layout.h: [hdr][length][items: GcArray whose length is the capacity]) and
// GcArray copies, for every item type: item sizes come from the type-info table. Growth is
// amortized (CPython's over-allocation); items past the length are kept zero so the GC never
// sees stale references.
#include <cstring>
#include <vector>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"

namespace layout = rpp::layout;
using rpp::gc::Rooted;

namespace {

int64_t list_length(const void* l) { return layout::read_at<int64_t>(l, layout::kListLengthOffset); }
void* list_items(const void* l) { return layout::read_at<void*>(l, layout::kListItemsOffset); }
size_t item_size_of(const void* array) { return rpp::gc::type_info(layout::type_id_of(array)).item_size; }
char* item_address(void* array, int64_t i) {
  const layout::TypeInfo& info = rpp::gc::type_info(layout::type_id_of(array));
  return static_cast<char*>(array) + info.items_offset + size_t(i) * info.item_size;
}

// Replaces the items array by one of `capacity` items keeping the first `keep` items.
void reallocate_items(void* list, int64_t capacity, int64_t keep) {
  Rooted<void> rl(list);
  uint32_t tid = layout::type_id_of(list_items(list));
  void* fresh = rpp_gc_malloc_varsize(tid, capacity);
  void* old = list_items(rl.get());
  if (keep > 0) {
    rpp::gc::write_barrier(fresh);
    std::memcpy(item_address(fresh, 0), item_address(old, 0), size_t(keep) * item_size_of(old));
  }
  rpp::gc::store_ref(rl.get(), layout::kListItemsOffset, fresh);
}

}  // namespace

extern "C" {

void rpp_helper_list_resize_ge(void* list, int64_t new_length) {
  int64_t capacity = layout::array_length(list_items(list));
  if (new_length > capacity) {
    int64_t extra = (new_length >> 3) + (new_length < 9 ? 3 : 6);
    int64_t new_capacity;
    if (__builtin_add_overflow(new_length, extra, &new_capacity)) rpp_fatal_error_cstr("out of memory (list too long)");
    Rooted<void> rl(list);
    reallocate_items(list, new_capacity, list_length(list));
    list = rl.get();
  }
  layout::write_at<int64_t>(list, layout::kListLengthOffset, new_length);
}

void rpp_helper_list_resize_le(void* list, int64_t new_length) {
  void* items = list_items(list);
  int64_t capacity = layout::array_length(items);
  int64_t length = list_length(list);
  if (new_length >= (capacity >> 1) - 5) {
    if (new_length < length)
      std::memset(item_address(items, new_length), 0, size_t(length - new_length) * item_size_of(items));
  } else {
    Rooted<void> rl(list);
    reallocate_items(list, new_length + (new_length >> 3) + (new_length < 9 ? 3 : 6), new_length);
    list = rl.get();
  }
  layout::write_at<int64_t>(list, layout::kListLengthOffset, new_length);
}

void rpp_helper_array_copy(void* src, void* dst, int64_t src_start, int64_t dst_start, int64_t n) {
  if (n <= 0) return;
  rpp::gc::write_barrier(dst);
  std::memmove(item_address(dst, dst_start), item_address(src, src_start), size_t(n) * item_size_of(src));
}

void rpp_helper_array_reverse(void* array, int64_t start, int64_t n) {
  size_t size = item_size_of(array);
  std::vector<char> tmp(size);
  for (int64_t i = start, j = start + n - 1; i < j; ++i, --j) {
    char* a = item_address(array, i);
    char* b = item_address(array, j);
    std::memcpy(tmp.data(), a, size);
    std::memcpy(a, b, size);
    std::memcpy(b, tmp.data(), size);
  }
}

}  // extern "C"
