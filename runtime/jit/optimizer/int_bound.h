// Integer bounds for the optimizer (RPython's intutils.IntBound): a range [lo, hi] of a signed
// 64-bit value plus known bits (bits known to be zero / known to be one). Operations compute
// the bounds of their results; guards narrow the bounds of their arguments.
#pragma once
#include <cstdint>
#include <limits>
#include <string>

namespace rpp::jit::opt {

struct IntBound {
  int64_t lo = std::numeric_limits<int64_t>::min();
  int64_t hi = std::numeric_limits<int64_t>::max();
  uint64_t known_zeros = 0;  // bits known to be 0
  uint64_t known_ones = 0;   // bits known to be 1

  static IntBound unbounded() { return {}; }
  static IntBound constant(int64_t v) { return {v, v, ~static_cast<uint64_t>(v), static_cast<uint64_t>(v)}; }
  static IntBound range(int64_t lo, int64_t hi) {
    IntBound b;
    b.lo = lo;
    b.hi = hi;
    b.normalize();
    return b;
  }
  bool is_constant() const { return lo == hi; }
  bool contains(int64_t v) const {
    return v >= lo && v <= hi && (static_cast<uint64_t>(v) & known_zeros) == 0 &&
           (static_cast<uint64_t>(v) & known_ones) == known_ones;
  }
  bool known_nonnegative() const { return lo >= 0; }
  bool known_lt(const IntBound& o) const { return hi < o.lo; }
  bool known_le(const IntBound& o) const { return hi <= o.lo; }
  bool known_gt(const IntBound& o) const { return lo > o.hi; }
  bool known_ge(const IntBound& o) const { return lo >= o.hi; }
  bool empty() const { return lo > hi || (known_zeros & known_ones) != 0; }

  // Narrowing (returns true when something changed).
  bool make_ge(int64_t v) {
    if (v <= lo) return false;
    lo = v;
    normalize();
    return true;
  }
  bool make_le(int64_t v) {
    if (v >= hi) return false;
    hi = v;
    normalize();
    return true;
  }
  bool intersect(const IntBound& o) {
    IntBound before = *this;
    lo = lo > o.lo ? lo : o.lo;
    hi = hi < o.hi ? hi : o.hi;
    known_zeros |= o.known_zeros;
    known_ones |= o.known_ones;
    normalize();
    return before.lo != lo || before.hi != hi || before.known_zeros != known_zeros || before.known_ones != known_ones;
  }

  // Known bits from the range (a nonnegative range below 2^k has the high bits zero) and the
  // range from known bits (for a nonnegative value, the known bits bound it).
  void normalize() {
    if (lo >= 0) {
      uint64_t h = static_cast<uint64_t>(hi);
      int width = h == 0 ? 0 : 64 - __builtin_clzll(h);
      if (width < 64) known_zeros |= ~((width == 0) ? 0 : ((uint64_t{1} << width) - 1));
    }
    if (known_zeros & (uint64_t{1} << 63)) {  // nonnegative
      if (lo < 0) lo = 0;
      int64_t max_from_bits = static_cast<int64_t>(~known_zeros);
      if (max_from_bits < hi) hi = max_from_bits;
      int64_t min_from_bits = static_cast<int64_t>(known_ones);
      if (min_from_bits > lo) lo = min_from_bits;
    }
  }

  std::string to_string() const { return "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]"; }
};

// Result bounds of arithmetic (a no-information bound when the result may wrap).
IntBound bound_add(const IntBound& a, const IntBound& b, bool* may_overflow = nullptr);
IntBound bound_sub(const IntBound& a, const IntBound& b, bool* may_overflow = nullptr);
IntBound bound_mul(const IntBound& a, const IntBound& b, bool* may_overflow = nullptr);
IntBound bound_and(const IntBound& a, const IntBound& b);
IntBound bound_or(const IntBound& a, const IntBound& b);

}  // namespace rpp::jit::opt
