// Operations on int, bool, float and char (RPython's rint, rbool, rfloat), with Python's meaning
// (SEMANTICS.md) given by the low-level operations of runtime/ops.h:
//   + - * on int wrap (`_ovf` variants under ovfcheck raise OverflowError); / on ints is
//   int_truediv (correctly rounded); // and % floor, raising ZeroDivisionError through the `_zer`
//   variants (the plain op when the divisor is a constant other than 0); shifts by >= 64 are
//   defined; int/float comparisons are exact (int_float_*); bool arithmetic is int arithmetic.
// The operand reprs are converted to the result's repr first (the annotator decided it).
#pragma once
#include "rtyper/hop.h"

namespace rpp::rtyper {

// add sub mul truediv floordiv mod lshift rshift and_ or_ xor pow divmod, their inplace_ and
// _ovf variants.
flow::Value* rtype_arithmetic(Hop& hop);
// lt le eq ne gt ge (and is_ on numbers).
flow::Value* rtype_number_compare(Hop& hop);
// neg pos abs invert, neg_ovf abs_ovf.
flow::Value* rtype_number_unary(Hop& hop);
// bool(x) / truth of any repr.
flow::Value* rtype_is_true(Hop& hop);
// The truth of a value of repr `r`.
flow::Value* truth_value(Hop& hop, flow::Value* v, Repr* r, const annotator::SomeRef& s);
// True when both operands of the hop are numbers or chars.
bool number_operands(const Hop& hop);

}  // namespace rpp::rtyper
