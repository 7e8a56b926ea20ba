// Lists of str as the runtime makes them (split, argv): a resizable list of type id
// kTidStrList whose items array has type id kTidStrArray (layout.h). The rtyper gives every
// list of str these type ids so such lists flow freely between helpers and RPython code.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

namespace rpp::rlib {

// A new list of `length` str items, all null (to be set with set_list_item).
void* new_str_list(int64_t length);
// Reads the items of a list of str or of a fixed list (GcArray) of str.
int64_t str_sequence_length(const void* seq);
void* str_sequence_item(const void* seq, int64_t i);
// Stores item i of a list made by new_str_list (with the write barrier).
void set_str_list_item(void* list, int64_t i, void* item);

// The list of the slices [start, stop) of `s` (the one allocation pattern of split & co).
void* str_list_of_slices(void* s, const std::vector<std::pair<int64_t, int64_t>>& ranges);

}  // namespace rpp::rlib
