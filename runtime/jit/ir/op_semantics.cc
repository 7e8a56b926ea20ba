// Pure trace operations evaluated through runtime/ops.h (see op_semantics.h).
#include "runtime/jit/ir/op_semantics.h"

#include <bit>

#include "runtime/ops.h"

namespace rpp::jit {

namespace {

int64_t I(Word w) { return static_cast<int64_t>(w); }
uint64_t U(Word w) { return w; }
double F(Word w) { return std::bit_cast<double>(w); }
void* P(Word w) { return reinterpret_cast<void*>(w); }
PureResult from_int(int64_t v) { return {static_cast<Word>(v), false}; }
PureResult from_bool(bool v) { return {v ? Word{1} : Word{0}, false}; }
PureResult from_float(double v) { return {std::bit_cast<Word>(v), false}; }
// An _ovf operation's value is the wrapped result (what the plain operation gives); `overflow`
// says whether the checked operation overflowed.
PureResult with_overflow(int64_t wrapped, const ops::Checked<int64_t>& checked) {
  return {static_cast<Word>(wrapped), !checked.ok()};
}

}  // namespace

std::optional<PureResult> eval_pure_op(Opcode op, std::span<const Word> a) {
  switch (op) {
    case Opcode::IntAdd: return from_int(ops::int_add(I(a[0]), I(a[1])));
    case Opcode::IntSub: return from_int(ops::int_sub(I(a[0]), I(a[1])));
    case Opcode::IntMul: return from_int(ops::int_mul(I(a[0]), I(a[1])));
    case Opcode::IntFloorDiv: return from_int(ops::int_floordiv(I(a[0]), I(a[1])));
    case Opcode::IntMod: return from_int(ops::int_mod(I(a[0]), I(a[1])));
    case Opcode::IntAnd: return from_int(ops::int_and(I(a[0]), I(a[1])));
    case Opcode::IntOr: return from_int(ops::int_or(I(a[0]), I(a[1])));
    case Opcode::IntXor: return from_int(ops::int_xor(I(a[0]), I(a[1])));
    case Opcode::IntLshift: return from_int(ops::int_lshift(I(a[0]), I(a[1])));
    case Opcode::IntRshift: return from_int(ops::int_rshift(I(a[0]), I(a[1])));
    case Opcode::UintRshift: return from_int(static_cast<int64_t>(ops::uint_rshift(U(a[0]), I(a[1]))));
    case Opcode::UintFloorDiv: return from_int(static_cast<int64_t>(ops::uint_floordiv(U(a[0]), U(a[1]))));
    case Opcode::UintMod: return from_int(static_cast<int64_t>(ops::uint_mod(U(a[0]), U(a[1]))));
    case Opcode::IntNeg: return from_int(ops::int_neg(I(a[0])));
    case Opcode::IntInvert: return from_int(ops::int_invert(I(a[0])));
    case Opcode::IntAbs: return from_int(ops::int_abs(I(a[0])));
    case Opcode::IntIsZero: return from_bool(ops::bool_not(ops::int_is_true(I(a[0]))));
    case Opcode::IntIsTrue: return from_bool(ops::int_is_true(I(a[0])));
    case Opcode::IntForceGeZero: return from_int(ops::int_force_ge_zero(I(a[0])));
    case Opcode::IntLt: return from_bool(ops::int_lt(I(a[0]), I(a[1])));
    case Opcode::IntLe: return from_bool(ops::int_le(I(a[0]), I(a[1])));
    case Opcode::IntEq: return from_bool(ops::int_eq(I(a[0]), I(a[1])));
    case Opcode::IntNe: return from_bool(ops::int_ne(I(a[0]), I(a[1])));
    case Opcode::IntGt: return from_bool(ops::int_gt(I(a[0]), I(a[1])));
    case Opcode::IntGe: return from_bool(ops::int_ge(I(a[0]), I(a[1])));
    case Opcode::UintLt: return from_bool(ops::uint_lt(U(a[0]), U(a[1])));
    case Opcode::UintLe: return from_bool(ops::uint_le(U(a[0]), U(a[1])));
    case Opcode::UintGt: return from_bool(ops::uint_gt(U(a[0]), U(a[1])));
    case Opcode::UintGe: return from_bool(ops::uint_ge(U(a[0]), U(a[1])));
    case Opcode::IntAddOvf: return with_overflow(ops::int_add(I(a[0]), I(a[1])), ops::int_add_ovf(I(a[0]), I(a[1])));
    case Opcode::IntSubOvf: return with_overflow(ops::int_sub(I(a[0]), I(a[1])), ops::int_sub_ovf(I(a[0]), I(a[1])));
    case Opcode::IntMulOvf: return with_overflow(ops::int_mul(I(a[0]), I(a[1])), ops::int_mul_ovf(I(a[0]), I(a[1])));

    case Opcode::FloatAdd: return from_float(ops::float_add(F(a[0]), F(a[1])));
    case Opcode::FloatSub: return from_float(ops::float_sub(F(a[0]), F(a[1])));
    case Opcode::FloatMul: return from_float(ops::float_mul(F(a[0]), F(a[1])));
    case Opcode::FloatTrueDiv: return from_float(ops::float_truediv(F(a[0]), F(a[1])));
    case Opcode::FloatNeg: return from_float(ops::float_neg(F(a[0])));
    case Opcode::FloatAbs: return from_float(ops::float_abs(F(a[0])));
    case Opcode::FloatLt: return from_bool(ops::float_lt(F(a[0]), F(a[1])));
    case Opcode::FloatLe: return from_bool(ops::float_le(F(a[0]), F(a[1])));
    case Opcode::FloatEq: return from_bool(ops::float_eq(F(a[0]), F(a[1])));
    case Opcode::FloatNe: return from_bool(ops::float_ne(F(a[0]), F(a[1])));
    case Opcode::FloatGt: return from_bool(ops::float_gt(F(a[0]), F(a[1])));
    case Opcode::FloatGe: return from_bool(ops::float_ge(F(a[0]), F(a[1])));
    case Opcode::CastFloatToInt: return from_int(ops::cast_float_to_int(F(a[0])));
    case Opcode::CastIntToFloat: return from_float(ops::cast_int_to_float(I(a[0])));
    case Opcode::ConvertFloatBytesToLonglong: return from_int(ops::convert_float_bytes_to_longlong(F(a[0])));
    case Opcode::ConvertLonglongBytesToFloat: return from_float(ops::convert_longlong_bytes_to_float(I(a[0])));

    case Opcode::PtrEq:
    case Opcode::InstancePtrEq: return from_bool(ops::ptr_eq(P(a[0]), P(a[1])));
    case Opcode::PtrNe:
    case Opcode::InstancePtrNe: return from_bool(ops::ptr_ne(P(a[0]), P(a[1])));
    case Opcode::CastPtrToInt: return from_int(ops::cast_ptr_to_int(P(a[0])));
    case Opcode::CastIntToPtr: return PureResult{reinterpret_cast<Word>(ops::cast_int_to_adr(I(a[0]))), false};
    case Opcode::SameAs: return PureResult{a[0], false};
    default: return std::nullopt;
  }
}

}  // namespace rpp::jit
