// Lists of str made and read by the runtime (str_list.h).
#include "runtime/rlib/str_list.h"

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/helpers.h"

namespace rpp::rlib {

namespace {
void* items_of(const void* seq) {
  if (layout::type_id_of(seq) == layout::kTidStrArray || (gc::type_info(layout::type_id_of(seq)).flags & layout::kTypeInfoVarsize))
    return const_cast<void*>(seq);
  return layout::read_at<void*>(seq, layout::kListItemsOffset);
}
bool is_array(const void* seq) { return items_of(seq) == seq; }
}  // namespace

void* new_str_list(int64_t length) {
  void* items = rpp_gc_malloc_varsize(layout::kTidStrArray, length);
  gc::Rooted<void> ritems(items);
  void* list = gc::allocate_fixed(layout::kTidStrList);
  layout::write_at<int64_t>(list, layout::kListLengthOffset, length);
  layout::write_at<void*>(list, layout::kListItemsOffset, ritems.get());
  return list;
}

int64_t str_sequence_length(const void* seq) {
  return is_array(seq) ? layout::array_length(seq) : layout::read_at<int64_t>(seq, layout::kListLengthOffset);
}

void* str_sequence_item(const void* seq, int64_t i) {
  return layout::read_at<void*>(items_of(seq), layout::kArrayItemsOffset + 8 * size_t(i));
}

void set_str_list_item(void* list, int64_t i, void* item) {
  void* items = layout::read_at<void*>(list, layout::kListItemsOffset);
  gc::write_barrier_array(items, i);
  layout::write_at<void*>(items, layout::kArrayItemsOffset + 8 * size_t(i), item);
}

void* str_list_of_slices(void* s, const std::vector<std::pair<int64_t, int64_t>>& ranges) {
  gc::Rooted<void> rs(s);
  gc::Rooted<void> list(new_str_list(int64_t(ranges.size())));
  for (size_t i = 0; i < ranges.size(); ++i) {
    void* piece = rpp_helper_str_slice(rs.get(), ranges[i].first, ranges[i].second);
    set_str_list_item(list.get(), int64_t(i), piece);
  }
  return list.get();
}

}  // namespace rpp::rlib
