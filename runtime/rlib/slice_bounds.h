// Python's index arithmetic for slices and for the optional start/end of find/count: negative
// values count from the end, then both are clamped to [0, length].
#pragma once
#include <cstdint>

namespace rpp::rlib {

inline int64_t clamp_index(int64_t i, int64_t length) {
  if (i < 0) {
    i += length;
    if (i < 0) i = 0;
  } else if (i > length) {
    i = length;
  }
  return i;
}

// s[start:stop] -> [start, stop) with start <= stop.
inline void normalize_slice(int64_t length, int64_t& start, int64_t& stop) {
  start = clamp_index(start, length);
  stop = clamp_index(stop, length);
  if (stop < start) stop = start;
}

// Extended slices s[start:stop:step] (CPython's PySlice_Unpack and PySlice_AdjustIndices): a
// None start or stop is passed as kSliceNone. Returns the number of items and sets `start` to
// the first one; the caller has rejected step 0.
constexpr int64_t kSliceNone = INT64_MIN;

inline int64_t adjust_step_slice(int64_t length, int64_t& start, int64_t& stop, int64_t step) {
  if (step < -INT64_MAX) step = -INT64_MAX;
  if (start == kSliceNone) start = step < 0 ? INT64_MAX : 0;
  if (stop == kSliceNone) stop = step < 0 ? INT64_MIN : INT64_MAX;
  auto adjust = [&](int64_t& i) {
    if (i < 0) {
      i += length;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= length) {
      i = step < 0 ? length - 1 : length;
    }
  };
  adjust(start);
  adjust(stop);
  if (step < 0) {
    if (stop < start) return (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    return (stop - start - 1) / step + 1;
  }
  return 0;
}

}  // namespace rpp::rlib
