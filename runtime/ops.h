// The meaning of the low-level operations (runtime/ll_operations.def, impl OPS): one inline C++
// function per operation, named as the operation, in namespace rpp::ops. Emitted code, constant
// folding, the ll interpreter, the JIT's trace interpreter and optimizer all call these; no stage
// evaluates an operation any other way.
//
// Python's semantics (SEMANTICS.md), and no undefined behaviour for any input:
//  - `+ - * neg abs << ` on Signed wrap (two's complement); the `_ovf` variants report overflow
//    through __builtin_*_overflow;
//  - `//` and `%` floor (the remainder has the divisor's sign); INT_MIN // -1 wraps to INT_MIN,
//    INT_MIN % -1 is 0; the plain ops give 0 for a zero divisor (the `_zer` variants report
//    ZeroDivisionError; the rtyper chooses);
//  - shifts by a count >= 64 or < 0: `<<` gives 0, `>>` gives the sign (0 or -1; 0 for unsigned);
//    `int_lshift_ovf` reports OverflowError when bits are lost and ValueError for a negative count;
//  - int / int (`int_truediv`) is correctly rounded, as Python's;
//  - Float `//` and `%` are Python's (by 0.0: nan from the plain op, ZeroDivisionError from the
//    `_zer` variant); comparisons of a Signed with a Float are exact;
//  - float -> int conversions of nan give 0 and saturate out of range (`cast_float_to_int_ovf`
//    reports OverflowError / ValueError, as Python's int(x)).
// Raising operations return Checked<T>: the value, or the exception the caller must raise.
//
// C++ types of the kinds: Signed int64_t, Unsigned uint64_t, SignedLongLong long long,
// UnsignedLongLong unsigned long long, Float double, Bool bool, Char unsigned char, UniChar
// char32_t, Address char*, Ptr void*.
#pragma once
#include <bit>
#include <climits>
#include <cstdint>

#include "runtime/layout.h"

namespace rpp::ops {

enum class OpError : uint8_t { None, Overflow, ZeroDivision, Value };

template <class T>
struct Checked {
  T value;
  OpError error;
  bool ok() const { return error == OpError::None; }
  bool operator==(const Checked&) const = default;
};
template <class T>
inline Checked<T> ok(T v) { return {v, OpError::None}; }
template <class T>
inline Checked<T> fail(OpError e) { return {T{}, e}; }

using Address = char*;

// ------------------------------------------------------------------------------ bool, char

inline bool bool_not(bool a) { return !a; }
inline bool char_lt(unsigned char a, unsigned char b) { return a < b; }
inline bool char_le(unsigned char a, unsigned char b) { return a <= b; }
inline bool char_eq(unsigned char a, unsigned char b) { return a == b; }
inline bool char_ne(unsigned char a, unsigned char b) { return a != b; }
inline bool char_gt(unsigned char a, unsigned char b) { return a > b; }
inline bool char_ge(unsigned char a, unsigned char b) { return a >= b; }
inline bool unichar_lt(char32_t a, char32_t b) { return a < b; }
inline bool unichar_le(char32_t a, char32_t b) { return a <= b; }
inline bool unichar_eq(char32_t a, char32_t b) { return a == b; }
inline bool unichar_ne(char32_t a, char32_t b) { return a != b; }
inline bool unichar_gt(char32_t a, char32_t b) { return a > b; }
inline bool unichar_ge(char32_t a, char32_t b) { return a >= b; }

// ------------------------------------------------------------------------------ Signed

inline bool int_is_true(int64_t a) { return a != 0; }
inline int64_t int_neg(int64_t a) { return int64_t(0 - uint64_t(a)); }
inline int64_t int_abs(int64_t a) { return a < 0 ? int_neg(a) : a; }
inline int64_t int_invert(int64_t a) { return ~a; }
inline int64_t int_add(int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); }
inline int64_t int_sub(int64_t a, int64_t b) { return int64_t(uint64_t(a) - uint64_t(b)); }
inline int64_t int_mul(int64_t a, int64_t b) { return int64_t(uint64_t(a) * uint64_t(b)); }

inline int64_t int_floordiv(int64_t a, int64_t b) {
  if (b == 0) return 0;
  if (b == -1) return int_neg(a);
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}
inline int64_t int_mod(int64_t a, int64_t b) {
  if (b == 0 || b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

namespace detail {
// Correctly rounded a / b for b != 0 (Python's int true division on machine words).
inline double exact_int_truediv(int64_t a, int64_t b) {
  constexpr int64_t kExact = int64_t(1) << 53;
  if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) return double(a) / double(b);
  bool negative = (a < 0) != (b < 0);
  unsigned __int128 n = a < 0 ? 0 - uint64_t(a) : uint64_t(a);
  uint64_t d = b < 0 ? 0 - uint64_t(b) : uint64_t(b);
  if (n == 0) return negative ? -0.0 : 0.0;
  int bits_n = 64 - std::countl_zero(uint64_t(n));
  int bits_d = 64 - std::countl_zero(d);
  // Scale so that the quotient has at least 55 significant bits, then fold the remainder into a
  // sticky bit: one correctly rounded conversion of the 128-bit quotient gives the answer.
  int shift = 56 + bits_d - bits_n;
  if (shift < 0) shift = 0;
  n <<= shift;
  unsigned __int128 q = n / d;
  if (n % d != 0) q |= 1;
  double result = __builtin_ldexp(double(q), -shift);
  return negative ? -result : result;
}
}  // namespace detail

inline double int_truediv(int64_t a, int64_t b) {
  if (b == 0) return a == 0 ? __builtin_nan("") : (a < 0 ? -__builtin_inf() : __builtin_inf());
  return detail::exact_int_truediv(a, b);
}
inline int64_t int_and(int64_t a, int64_t b) { return a & b; }
inline int64_t int_or(int64_t a, int64_t b) { return a | b; }
inline int64_t int_xor(int64_t a, int64_t b) { return a ^ b; }
inline int64_t int_lshift(int64_t a, int64_t n) {
  return (n < 0 || n >= 64) ? 0 : int64_t(uint64_t(a) << n);
}
inline int64_t int_rshift(int64_t a, int64_t n) {
  return (n < 0 || n >= 64) ? (a < 0 ? -1 : 0) : (a >> n);
}
inline bool int_lt(int64_t a, int64_t b) { return a < b; }
inline bool int_le(int64_t a, int64_t b) { return a <= b; }
inline bool int_eq(int64_t a, int64_t b) { return a == b; }
inline bool int_ne(int64_t a, int64_t b) { return a != b; }
inline bool int_gt(int64_t a, int64_t b) { return a > b; }
inline bool int_ge(int64_t a, int64_t b) { return a >= b; }
inline bool int_between(int64_t a, int64_t b, int64_t c) { return a <= b && b < c; }
inline int64_t int_force_ge_zero(int64_t a) { return a < 0 ? 0 : a; }

inline Checked<int64_t> int_neg_ovf(int64_t a) {
  return a == INT64_MIN ? fail<int64_t>(OpError::Overflow) : ok(-a);
}
inline Checked<int64_t> int_abs_ovf(int64_t a) {
  return a == INT64_MIN ? fail<int64_t>(OpError::Overflow) : ok(a < 0 ? -a : a);
}
inline Checked<int64_t> int_add_ovf(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_add_overflow(a, b, &r) ? fail<int64_t>(OpError::Overflow) : ok(r);
}
inline Checked<int64_t> int_add_nonneg_ovf(int64_t a, int64_t b) { return int_add_ovf(a, b); }
inline Checked<int64_t> int_sub_ovf(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_sub_overflow(a, b, &r) ? fail<int64_t>(OpError::Overflow) : ok(r);
}
inline Checked<int64_t> int_mul_ovf(int64_t a, int64_t b) {
  int64_t r;
  return __builtin_mul_overflow(a, b, &r) ? fail<int64_t>(OpError::Overflow) : ok(r);
}
inline Checked<int64_t> int_lshift_ovf(int64_t a, int64_t n) {
  if (n < 0) return fail<int64_t>(OpError::Value);
  if (a == 0) return ok(int64_t(0));
  if (n >= 64) return fail<int64_t>(OpError::Overflow);
  int64_t r = int_lshift(a, n);
  return (r >> n) == a ? ok(r) : fail<int64_t>(OpError::Overflow);
}
inline Checked<int64_t> int_floordiv_ovf(int64_t a, int64_t b) {
  return (a == INT64_MIN && b == -1) ? fail<int64_t>(OpError::Overflow) : ok(int_floordiv(a, b));
}
inline Checked<int64_t> int_mod_ovf(int64_t a, int64_t b) { return ok(int_mod(a, b)); }
inline Checked<int64_t> int_floordiv_zer(int64_t a, int64_t b) {
  return b == 0 ? fail<int64_t>(OpError::ZeroDivision) : ok(int_floordiv(a, b));
}
inline Checked<int64_t> int_mod_zer(int64_t a, int64_t b) {
  return b == 0 ? fail<int64_t>(OpError::ZeroDivision) : ok(int_mod(a, b));
}
inline Checked<double> int_truediv_zer(int64_t a, int64_t b) {
  return b == 0 ? fail<double>(OpError::ZeroDivision) : ok(int_truediv(a, b));
}
inline Checked<int64_t> int_floordiv_ovf_zer(int64_t a, int64_t b) {
  return b == 0 ? fail<int64_t>(OpError::ZeroDivision) : int_floordiv_ovf(a, b);
}
inline Checked<int64_t> int_mod_ovf_zer(int64_t a, int64_t b) {
  return b == 0 ? fail<int64_t>(OpError::ZeroDivision) : int_mod_ovf(a, b);
}

// ------------------------------------------------------------------------------ Unsigned

inline bool uint_is_true(uint64_t a) { return a != 0; }
inline uint64_t uint_invert(uint64_t a) { return ~a; }
inline uint64_t uint_add(uint64_t a, uint64_t b) { return a + b; }
inline uint64_t uint_sub(uint64_t a, uint64_t b) { return a - b; }
inline uint64_t uint_mul(uint64_t a, uint64_t b) { return a * b; }
inline uint64_t uint_floordiv(uint64_t a, uint64_t b) { return b == 0 ? 0 : a / b; }
inline uint64_t uint_mod(uint64_t a, uint64_t b) { return b == 0 ? 0 : a % b; }
inline uint64_t uint_and(uint64_t a, uint64_t b) { return a & b; }
inline uint64_t uint_or(uint64_t a, uint64_t b) { return a | b; }
inline uint64_t uint_xor(uint64_t a, uint64_t b) { return a ^ b; }
inline uint64_t uint_lshift(uint64_t a, int64_t n) { return (n < 0 || n >= 64) ? 0 : a << n; }
inline uint64_t uint_rshift(uint64_t a, int64_t n) { return (n < 0 || n >= 64) ? 0 : a >> n; }
inline bool uint_lt(uint64_t a, uint64_t b) { return a < b; }
inline bool uint_le(uint64_t a, uint64_t b) { return a <= b; }
inline bool uint_eq(uint64_t a, uint64_t b) { return a == b; }
inline bool uint_ne(uint64_t a, uint64_t b) { return a != b; }
inline bool uint_gt(uint64_t a, uint64_t b) { return a > b; }
inline bool uint_ge(uint64_t a, uint64_t b) { return a >= b; }
inline Checked<uint64_t> uint_floordiv_zer(uint64_t a, uint64_t b) {
  return b == 0 ? fail<uint64_t>(OpError::ZeroDivision) : ok(a / b);
}
inline Checked<uint64_t> uint_mod_zer(uint64_t a, uint64_t b) {
  return b == 0 ? fail<uint64_t>(OpError::ZeroDivision) : ok(a % b);
}

// ------------------------------------------------------------------------------ SignedLongLong
// 64 bits on rpp's targets: the Signed meaning, on a distinct C++ type.

using llong = long long;
using ullong = unsigned long long;

inline bool llong_is_true(llong a) { return a != 0; }
inline llong llong_neg(llong a) { return int_neg(a); }
inline llong llong_abs(llong a) { return int_abs(a); }
inline llong llong_invert(llong a) { return ~a; }
inline llong llong_add(llong a, llong b) { return int_add(a, b); }
inline llong llong_sub(llong a, llong b) { return int_sub(a, b); }
inline llong llong_mul(llong a, llong b) { return int_mul(a, b); }
inline llong llong_floordiv(llong a, llong b) { return int_floordiv(a, b); }
inline llong llong_mod(llong a, llong b) { return int_mod(a, b); }
inline llong llong_and(llong a, llong b) { return a & b; }
inline llong llong_or(llong a, llong b) { return a | b; }
inline llong llong_xor(llong a, llong b) { return a ^ b; }
inline llong llong_lshift(llong a, int64_t n) { return int_lshift(a, n); }
inline llong llong_rshift(llong a, int64_t n) { return int_rshift(a, n); }
inline bool llong_lt(llong a, llong b) { return a < b; }
inline bool llong_le(llong a, llong b) { return a <= b; }
inline bool llong_eq(llong a, llong b) { return a == b; }
inline bool llong_ne(llong a, llong b) { return a != b; }
inline bool llong_gt(llong a, llong b) { return a > b; }
inline bool llong_ge(llong a, llong b) { return a >= b; }
inline Checked<llong> llong_floordiv_zer(llong a, llong b) {
  return b == 0 ? fail<llong>(OpError::ZeroDivision) : ok(llong(int_floordiv(a, b)));
}
inline Checked<llong> llong_mod_zer(llong a, llong b) {
  return b == 0 ? fail<llong>(OpError::ZeroDivision) : ok(llong(int_mod(a, b)));
}

// ------------------------------------------------------------------------------ UnsignedLongLong

inline bool ullong_is_true(ullong a) { return a != 0; }
inline ullong ullong_invert(ullong a) { return ~a; }
inline ullong ullong_add(ullong a, ullong b) { return a + b; }
inline ullong ullong_sub(ullong a, ullong b) { return a - b; }
inline ullong ullong_mul(ullong a, ullong b) { return a * b; }
inline ullong ullong_floordiv(ullong a, ullong b) { return b == 0 ? 0 : a / b; }
inline ullong ullong_mod(ullong a, ullong b) { return b == 0 ? 0 : a % b; }
inline ullong ullong_and(ullong a, ullong b) { return a & b; }
inline ullong ullong_or(ullong a, ullong b) { return a | b; }
inline ullong ullong_xor(ullong a, ullong b) { return a ^ b; }
inline ullong ullong_lshift(ullong a, int64_t n) { return uint_lshift(a, n); }
inline ullong ullong_rshift(ullong a, int64_t n) { return uint_rshift(a, n); }
inline bool ullong_lt(ullong a, ullong b) { return a < b; }
inline bool ullong_le(ullong a, ullong b) { return a <= b; }
inline bool ullong_eq(ullong a, ullong b) { return a == b; }
inline bool ullong_ne(ullong a, ullong b) { return a != b; }
inline bool ullong_gt(ullong a, ullong b) { return a > b; }
inline bool ullong_ge(ullong a, ullong b) { return a >= b; }
inline Checked<ullong> ullong_floordiv_zer(ullong a, ullong b) {
  return b == 0 ? fail<ullong>(OpError::ZeroDivision) : ok(a / b);
}
inline Checked<ullong> ullong_mod_zer(ullong a, ullong b) {
  return b == 0 ? fail<ullong>(OpError::ZeroDivision) : ok(a % b);
}

// ------------------------------------------------------------------------------ Float

inline bool float_is_true(double a) { return a != 0.0; }
inline double float_neg(double a) { return -a; }
inline double float_abs(double a) { return __builtin_fabs(a); }
inline double float_add(double a, double b) { return a + b; }
inline double float_sub(double a, double b) { return a - b; }
inline double float_mul(double a, double b) { return a * b; }
inline double float_truediv(double a, double b) { return a / b; }

// Python's float_divmod (Objects/floatobject.c): fmod, floor and copysign are exact operations.
inline double float_mod(double a, double b) {
  if (b == 0.0) return __builtin_nan("");
  double mod = __builtin_fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = __builtin_copysign(0.0, b);
  }
  return mod;
}
inline double float_floordiv(double a, double b) {
  if (b == 0.0) return __builtin_nan("");
  double mod = __builtin_fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0 && ((b < 0) != (mod < 0))) div -= 1.0;
  if (div != 0.0) {
    double floordiv = __builtin_floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
  }
  return __builtin_copysign(0.0, a / b);
}
inline Checked<double> float_truediv_zer(double a, double b) {
  return b == 0.0 ? fail<double>(OpError::ZeroDivision) : ok(a / b);
}
inline Checked<double> float_floordiv_zer(double a, double b) {
  return b == 0.0 ? fail<double>(OpError::ZeroDivision) : ok(float_floordiv(a, b));
}
inline Checked<double> float_mod_zer(double a, double b) {
  return b == 0.0 ? fail<double>(OpError::ZeroDivision) : ok(float_mod(a, b));
}
inline bool float_lt(double a, double b) { return a < b; }
inline bool float_le(double a, double b) { return a <= b; }
inline bool float_eq(double a, double b) { return a == b; }
inline bool float_ne(double a, double b) { return a != b; }
inline bool float_gt(double a, double b) { return a > b; }
inline bool float_ge(double a, double b) { return a >= b; }

namespace detail {
// Exact three-way comparison of an integer with a float: -1, 0, 1, or 2 when f is nan.
inline int compare_int_float(int64_t i, double f) {
  if (f != f) return 2;
  constexpr double kTwo63 = 9223372036854775808.0;
  if (f >= kTwo63) return -1;
  if (f < -kTwo63) return 1;
  double whole = __builtin_trunc(f);   // exact, and in range of int64
  int64_t w = int64_t(whole);
  if (i != w) return i < w ? -1 : 1;
  double frac = f - whole;             // exact
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}
}  // namespace detail

inline bool int_float_lt(int64_t a, double b) { return detail::compare_int_float(a, b) == -1; }
inline bool int_float_le(int64_t a, double b) {
  int c = detail::compare_int_float(a, b);
  return c == -1 || c == 0;
}
inline bool int_float_eq(int64_t a, double b) { return detail::compare_int_float(a, b) == 0; }
inline bool int_float_ne(int64_t a, double b) { return detail::compare_int_float(a, b) != 0; }
inline bool int_float_gt(int64_t a, double b) { return detail::compare_int_float(a, b) == 1; }
inline bool int_float_ge(int64_t a, double b) {
  int c = detail::compare_int_float(a, b);
  return c == 1 || c == 0;
}

// ------------------------------------------------------------------------------ casts

inline int64_t cast_bool_to_int(bool a) { return a ? 1 : 0; }
inline uint64_t cast_bool_to_uint(bool a) { return a ? 1 : 0; }
inline double cast_bool_to_float(bool a) { return a ? 1.0 : 0.0; }
inline int64_t cast_char_to_int(unsigned char a) { return a; }
inline int64_t cast_unichar_to_int(char32_t a) { return int64_t(a); }
inline char32_t cast_char_to_unichar(unsigned char a) { return char32_t(a); }
inline unsigned char cast_int_to_char(int64_t a) { return (unsigned char)(uint64_t(a) & 0xFF); }
inline char32_t cast_int_to_unichar(int64_t a) { return char32_t(uint64_t(a) & 0xFFFFFFFFu); }
inline uint64_t cast_int_to_uint(int64_t a) { return uint64_t(a); }
inline int64_t cast_uint_to_int(uint64_t a) { return int64_t(a); }
inline double cast_int_to_float(int64_t a) { return double(a); }
inline double cast_uint_to_float(uint64_t a) { return double(a); }
inline int64_t cast_float_to_int(double a) {
  if (a != a) return 0;
  if (a >= 9223372036854775808.0) return INT64_MAX;
  if (a < -9223372036854775808.0) return INT64_MIN;
  return int64_t(a);
}
// Negative values convert as Signed then wrap; nan gives 0; 2**64 and up saturate.
inline uint64_t cast_float_to_uint(double a) {
  if (a != a) return 0;
  if (a < 0) return uint64_t(cast_float_to_int(a));
  if (a >= 18446744073709551616.0) return UINT64_MAX;
  return uint64_t(a);
}
inline Checked<int64_t> cast_float_to_int_ovf(double a) {
  if (a != a) return fail<int64_t>(OpError::Value);
  if (a >= 9223372036854775808.0 || a < -9223372036854775808.0) return fail<int64_t>(OpError::Overflow);
  return ok(int64_t(a));
}
inline llong cast_int_to_longlong(int64_t a) { return a; }
inline int64_t truncate_longlong_to_int(llong a) { return a; }
inline double cast_longlong_to_float(llong a) { return double(a); }
inline llong cast_float_to_longlong(double a) { return cast_float_to_int(a); }
inline ullong cast_uint_to_ulonglong(uint64_t a) { return a; }
inline uint64_t cast_ulonglong_to_uint(ullong a) { return a; }
inline double cast_ulonglong_to_float(ullong a) { return double(a); }
inline ullong cast_float_to_ulonglong(double a) { return cast_float_to_uint(a); }
inline ullong cast_longlong_to_ulonglong(llong a) { return ullong(a); }
inline llong cast_ulonglong_to_longlong(ullong a) { return llong(a); }
inline llong convert_float_bytes_to_longlong(double a) { return std::bit_cast<llong>(a); }
inline double convert_longlong_bytes_to_float(llong a) { return std::bit_cast<double>(a); }

// Hints: the operand's value. genc emits a branch on their result with __builtin_expect (the
// bounds checks of rtyper/checked_index.h are `likely`).
inline bool likely(bool a) { return __builtin_expect(a, 1); }
inline bool unlikely(bool a) { return __builtin_expect(a, 0); }

// ------------------------------------------------------------------------------ pointers, addresses

inline bool ptr_eq(void* a, void* b) { return a == b; }
inline bool ptr_ne(void* a, void* b) { return a != b; }
inline bool ptr_nonzero(void* a) { return a != nullptr; }
inline bool ptr_iszero(void* a) { return a == nullptr; }
inline int64_t cast_ptr_to_int(void* a) { return int64_t(reinterpret_cast<uintptr_t>(a)); }
inline int64_t cast_adr_to_int(Address a) { return int64_t(reinterpret_cast<uintptr_t>(a)); }
inline Address cast_int_to_adr(int64_t a) { return reinterpret_cast<Address>(uintptr_t(a)); }
inline Address adr_add(Address a, int64_t n) { return cast_int_to_adr(int_add(cast_adr_to_int(a), n)); }
inline Address adr_sub(Address a, int64_t n) { return cast_int_to_adr(int_sub(cast_adr_to_int(a), n)); }
inline int64_t adr_delta(Address a, Address b) { return int_sub(cast_adr_to_int(a), cast_adr_to_int(b)); }
inline bool adr_eq(Address a, Address b) { return a == b; }
inline bool adr_ne(Address a, Address b) { return a != b; }
inline bool adr_lt(Address a, Address b) { return uintptr_t(a) < uintptr_t(b); }

// ------------------------------------------------------------------------------ memory (MEMORY ops)
// getfield / setfield / getarrayitem / ... are loads and stores at the offsets of layout.h; genc
// emits them as C++ member accesses, the ll interpreter and the JIT as these.

template <class T>
inline T load(const void* base, int64_t offset) { return layout::read_at<T>(base, size_t(offset)); }
template <class T>
inline void store(void* base, int64_t offset, T value) { layout::write_at<T>(base, size_t(offset), value); }

inline void raw_memcopy(Address src, Address dst, int64_t size) {
  if (size > 0) __builtin_memmove(dst, src, size_t(size));
}
inline void raw_memclear(Address dst, int64_t size) {
  if (size > 0) __builtin_memset(dst, 0, size_t(size));
}

// Strings by the layout contract (narrow or wide by type id).
inline int64_t str_len(void* s) { return layout::str_length(s); }
inline char32_t str_getitem(void* s, int64_t i) { return layout::str_char_at(s, i); }
inline bool str_is_wide(void* s) { return layout::str_is_wide(s); }

// ------------------------------------------------------------------------------ exception state

inline bool exc_occurred() { return layout::rpp_globals.exc_type != nullptr; }
inline void* exc_fetch_type() { return const_cast<layout::ClassVtable*>(layout::rpp_globals.exc_type); }
inline void* exc_fetch_value() { return layout::rpp_globals.exc_value; }
inline void exc_clear() {
  layout::rpp_globals.exc_type = nullptr;
  layout::rpp_globals.exc_value = nullptr;
}
inline void exc_restore(void* type, void* value) {
  layout::rpp_globals.exc_type = static_cast<const layout::ClassVtable*>(type);
  layout::rpp_globals.exc_value = static_cast<layout::GcHeader*>(value);
}

}  // namespace rpp::ops
