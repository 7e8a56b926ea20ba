// Type information shared by every GC implementation: the size of an object from its TypeInfo
// (layout.h) and the TypeInfo entries of the type ids the runtime owns (1..15). genc emits the
// whole table; its first kFirstGeneratedTid entries must be `runtime_type_info(tid)`.
#pragma once
#include <cstddef>
#include <cstdint>

#include "runtime/layout.h"

namespace rpp::gc {

inline constexpr size_t round_up_object_size(size_t raw) {
  size_t rounded = (raw + layout::kObjectAlignment - 1) & ~(layout::kObjectAlignment - 1);
  return rounded < layout::kMinObjectSize ? layout::kMinObjectSize : rounded;
}

// Bytes of an object of this type with `length` items (ignored for fixed-size types), header
// included, rounded to the object alignment. Strings and bytes keep one zero byte after a narrow
// string's chars (layout::str_allocation_size).
inline constexpr size_t object_size(const layout::TypeInfo& info, int64_t length) {
  if (info.flags & layout::kTypeInfoIsString)
    return layout::str_allocation_size(length, info.item_size == 4);
  if (!(info.flags & layout::kTypeInfoVarsize)) return round_up_object_size(info.fixed_size);
  return round_up_object_size(size_t(info.items_offset) + size_t(info.item_size) * size_t(length));
}

// The length of a varsize object (0 for fixed-size ones).
inline int64_t object_length(const layout::TypeInfo& info, const void* obj) {
  if (!(info.flags & layout::kTypeInfoVarsize)) return 0;
  return layout::read_at<int64_t>(obj, info.length_offset);
}

namespace detail {
inline constexpr uint32_t kBuilderGcPtrs[] = {uint32_t(layout::kBuilderBufOffset)};
inline constexpr uint32_t kPointerItem[] = {0};
inline constexpr uint32_t kListGcPtrs[] = {uint32_t(layout::kListItemsOffset)};
}  // namespace detail

// The TypeInfo of the runtime's own type ids (kTidInvalid and unassigned ids give a zero entry).
inline constexpr layout::TypeInfo runtime_type_info(uint32_t tid) {
  using namespace layout;
  constexpr uint32_t kStr = kTypeInfoVarsize | kTypeInfoIsString;
  switch (tid) {
    case kTidStrNarrow:
    case kTidBytes:
      return {uint32_t(kStrCharsOffset), kStr, 1, uint32_t(kStrLengthOffset), uint32_t(kStrCharsOffset), 0, nullptr, 0, nullptr};
    case kTidStrWide:
      return {uint32_t(kStrCharsOffset), kStr, 4, uint32_t(kStrLengthOffset), uint32_t(kStrCharsOffset), 0, nullptr, 0, nullptr};
    case kTidJitFrame:
      // runtime/jit's JitFrame: slots from 56, length at 48; the GC traces the slots its gcmap
      // (the raw word array at 24) marks, plus guard_exc (32) and forward (40).
      return {56, kTypeInfoVarsize, 8, 48, 56, 0, nullptr, 0, nullptr};
    case kTidStrBuilder:
    case kTidBytesBuilder:
      return {uint32_t(kBuilderSize), 0, 0, 0, 0, 1, detail::kBuilderGcPtrs, 0, nullptr};
    case kTidDictIndexes:
      return {uint32_t(kArrayItemsOffset), kTypeInfoVarsize, 4, uint32_t(kArrayLengthOffset), uint32_t(kArrayItemsOffset), 0, nullptr, 0, nullptr};
    case kTidStrArray:
    case kTidBytesArray:
      return {uint32_t(kArrayItemsOffset), kTypeInfoVarsize | kTypeInfoItemsHaveGcPtrs, 8, uint32_t(kArrayLengthOffset),
              uint32_t(kArrayItemsOffset), 0, nullptr, 1, detail::kPointerItem};
    case kTidStrList:
    case kTidBytesList:
      return {24, 0, 0, 0, 0, 1, detail::kListGcPtrs, 0, nullptr};
    default:
      return {0, 0, 0, 0, 0, 0, nullptr, 0, nullptr};
  }
}

}  // namespace rpp::gc
