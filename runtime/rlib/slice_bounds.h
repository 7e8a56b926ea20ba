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

}  // namespace rpp::rlib
