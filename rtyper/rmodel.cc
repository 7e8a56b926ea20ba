// The primitive reprs (rmodel.h) and the generic parts of Repr (repr.h).
#include "rtyper/rmodel.h"

#include "rtyper/lltype/static_data.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::ConstValue;

std::string describe_constant(const ConstValue& value) { return annotator::const_repr(value); }

ConstValue Repr::convert_const(const ConstValue& value, RTyper&) {
  throw RTypeFailure("the constant " + describe_constant(value) + " cannot be represented by " + name());
}

ConstValue VoidRepr::convert_const(const ConstValue&, RTyper&) { return flow::NoneValue{}; }

IntegerRepr::IntegerRepr(annotator::IntType type)
    : Repr(ReprKind::Integer,
           type == annotator::IntType::Signed           ? static_cast<const LowLevelType*>(&Signed)
           : type == annotator::IntType::Unsigned       ? &Unsigned
           : type == annotator::IntType::SignedLongLong ? &SignedLongLong
                                                        : &UnsignedLongLong,
           std::string("IntegerRepr(") + annotator::int_type_name(type) + ")"),
      int_type_(type) {}

const char* IntegerRepr::prefix() const {
  switch (int_type_) {
    case annotator::IntType::Signed: return "int_";
    case annotator::IntType::Unsigned: return "uint_";
    case annotator::IntType::SignedLongLong: return "llong_";
    case annotator::IntType::UnsignedLongLong: return "ullong_";
  }
  return "int_";
}

ConstValue IntegerRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  uint64_t bits;
  if (auto* b = std::get_if<bool>(&value)) bits = *b ? 1 : 0;
  else if (auto* i = std::get_if<int64_t>(&value)) bits = uint64_t(*i);
  else if (auto* u = std::get_if<uint64_t>(&value)) bits = *u;
  else return Repr::convert_const(value, rtyper);
  if (is_unsigned()) return bits;
  return int64_t(bits);
}

ConstValue BoolRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (auto* b = std::get_if<bool>(&value)) return *b;
  if (auto* i = std::get_if<int64_t>(&value)) return *i != 0;
  return Repr::convert_const(value, rtyper);
}

ConstValue FloatRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (auto* d = std::get_if<double>(&value)) return *d;
  if (auto* i = std::get_if<int64_t>(&value)) return double(*i);
  if (auto* u = std::get_if<uint64_t>(&value)) return double(*u);
  if (auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
  return Repr::convert_const(value, rtyper);
}

int64_t single_code_point(const std::string& utf8) {
  std::u32string cps = utf8_to_code_points(utf8);
  return cps.size() == 1 ? int64_t(cps[0]) : -1;
}

ConstValue CharRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (auto* s = std::get_if<std::string>(&value)) {
    int64_t cp = single_code_point(*s);
    if (cp >= 0) return cp;
  }
  return Repr::convert_const(value, rtyper);
}

}  // namespace rpp::rtyper
