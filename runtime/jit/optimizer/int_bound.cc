// Bounds of arithmetic results (see int_bound.h).
#include "runtime/jit/optimizer/int_bound.h"

namespace rpp::jit::opt {

namespace {

bool add_ovf(int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); }
bool sub_ovf(int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); }
bool mul_ovf(int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); }

}  // namespace

IntBound bound_add(const IntBound& a, const IntBound& b, bool* may_overflow) {
  int64_t lo, hi;
  bool ovf = add_ovf(a.lo, b.lo, &lo) | add_ovf(a.hi, b.hi, &hi);
  if (may_overflow) *may_overflow = ovf;
  if (ovf) return IntBound::unbounded();
  return IntBound::range(lo, hi);
}

IntBound bound_sub(const IntBound& a, const IntBound& b, bool* may_overflow) {
  int64_t lo, hi;
  bool ovf = sub_ovf(a.lo, b.hi, &lo) | sub_ovf(a.hi, b.lo, &hi);
  if (may_overflow) *may_overflow = ovf;
  if (ovf) return IntBound::unbounded();
  return IntBound::range(lo, hi);
}

IntBound bound_mul(const IntBound& a, const IntBound& b, bool* may_overflow) {
  int64_t p[4];
  bool ovf =
      mul_ovf(a.lo, b.lo, &p[0]) | mul_ovf(a.lo, b.hi, &p[1]) | mul_ovf(a.hi, b.lo, &p[2]) | mul_ovf(a.hi, b.hi, &p[3]);
  if (may_overflow) *may_overflow = ovf;
  if (ovf) return IntBound::unbounded();
  int64_t lo = p[0], hi = p[0];
  for (int64_t v : p) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return IntBound::range(lo, hi);
}

IntBound bound_and(const IntBound& a, const IntBound& b) {
  IntBound r;
  r.known_zeros = a.known_zeros | b.known_zeros;
  r.known_ones = a.known_ones & b.known_ones;
  if (a.lo >= 0 && b.lo >= 0)
    r = IntBound{0, a.hi < b.hi ? a.hi : b.hi, r.known_zeros, r.known_ones};
  else if (a.lo >= 0)
    r.lo = 0, r.hi = a.hi;
  else if (b.lo >= 0)
    r.lo = 0, r.hi = b.hi;
  r.normalize();
  return r;
}

IntBound bound_or(const IntBound& a, const IntBound& b) {
  IntBound r;
  r.known_zeros = a.known_zeros & b.known_zeros;
  r.known_ones = a.known_ones | b.known_ones;
  if (a.lo >= 0 && b.lo >= 0) {
    r.lo = a.lo > b.lo ? a.lo : b.lo;
    r.hi = static_cast<int64_t>(~r.known_zeros & ~(uint64_t{1} << 63));
  }
  r.normalize();
  return r;
}

}  // namespace rpp::jit::opt
