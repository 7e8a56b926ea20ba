// Conversions between reprs (convert.h).
#include "rtyper/convert.h"

#include "rtyper/rtuple.h"

#include "rtyper/rclass.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Value;

namespace {

// One step between two integer types through the operation table's casts.
Value* convert_integer(LowLevelOps& llops, Value* v, const LowLevelType* from, const LowLevelType* to) {
  if (from == to) return v;
  if (from == &Signed) {
    if (to == &Unsigned) return llops.genop("cast_int_to_uint", {v}, to);
    if (to == &SignedLongLong) return llops.genop("cast_int_to_longlong", {v}, to);
    if (to == &UnsignedLongLong) return convert_integer(llops, llops.genop("cast_int_to_uint", {v}, &Unsigned), &Unsigned, to);
  }
  if (from == &Unsigned) {
    if (to == &Signed) return llops.genop("cast_uint_to_int", {v}, to);
    if (to == &UnsignedLongLong) return llops.genop("cast_uint_to_ulonglong", {v}, to);
    if (to == &SignedLongLong) return llops.genop("cast_ulonglong_to_longlong", {llops.genop("cast_uint_to_ulonglong", {v}, &UnsignedLongLong)}, to);
  }
  if (from == &SignedLongLong) {
    if (to == &Signed) return llops.genop("truncate_longlong_to_int", {v}, to);
    if (to == &UnsignedLongLong) return llops.genop("cast_longlong_to_ulonglong", {v}, to);
    if (to == &Unsigned) return convert_integer(llops, llops.genop("cast_longlong_to_ulonglong", {v}, &UnsignedLongLong), &UnsignedLongLong, to);
  }
  if (from == &UnsignedLongLong) {
    if (to == &Unsigned) return llops.genop("cast_ulonglong_to_uint", {v}, to);
    if (to == &SignedLongLong) return llops.genop("cast_ulonglong_to_longlong", {v}, to);
    if (to == &Signed) return llops.genop("cast_uint_to_int", {llops.genop("cast_ulonglong_to_uint", {v}, &Unsigned)}, to);
  }
  throw RTypeFailure("no conversion from " + from->to_string() + " to " + to->to_string());
}

Value* integer_to_float(LowLevelOps& llops, Value* v, const LowLevelType* from) {
  if (from == &Signed) return llops.genop("cast_int_to_float", {v}, &Float);
  if (from == &Unsigned) return llops.genop("cast_uint_to_float", {v}, &Float);
  if (from == &SignedLongLong) return llops.genop("cast_longlong_to_float", {v}, &Float);
  return llops.genop("cast_ulonglong_to_float", {v}, &Float);
}

bool is_pointer_repr(const Repr* r) { return as<Ptr>(r->lowleveltype()) != nullptr; }

}  // namespace

Value* convert_value(LowLevelOps& llops, Value* v, Repr* from, Repr* to) {
  if (from == to) return v;
  const LowLevelType* ft = from->lowleveltype();
  const LowLevelType* tt = to->lowleveltype();
  RTyper& rtyper = llops.rtyper();
  if (to->is_void()) return llops.constant(flow::NoneValue{}, &Void);
  if (from->is_void()) {
    // A value known at translation time: the constant itself.
    auto* vr = dynamic_cast<VoidRepr*>(from);
    const flow::ConstValue* known = vr && vr->value() ? &*vr->value() : nullptr;
    if (!known && v->annotation && v->annotation->is_constant()) known = &*v->annotation->constant();
    if (!known && v->is_constant()) known = &static_cast<flow::Constant*>(v)->value;
    if (!known) throw RTypeFailure("no conversion from " + from->name() + " to " + to->name());
    return llops.constant(to->convert_const(*known, rtyper), tt);
  }
  switch (to->kind()) {
    case ReprKind::Integer:
      if (from->kind() == ReprKind::Integer) return convert_integer(llops, v, ft, tt);
      if (from->kind() == ReprKind::Bool) {
        if (tt == &Unsigned) return llops.genop("cast_bool_to_uint", {v}, tt);
        return convert_integer(llops, llops.genop("cast_bool_to_int", {v}, &Signed), &Signed, tt);
      }
      if (from->kind() == ReprKind::Char)
        return convert_integer(llops, llops.genop("cast_unichar_to_int", {v}, &Signed), &Signed, tt);
      break;
    case ReprKind::Float:
      if (from->kind() == ReprKind::Integer) return integer_to_float(llops, v, ft);
      if (from->kind() == ReprKind::Bool) return llops.genop("cast_bool_to_float", {v}, &Float);
      break;
    case ReprKind::Bool:
      if (from->kind() == ReprKind::Integer)
        return llops.genop(std::string(static_cast<IntegerRepr*>(from)->prefix()) + "is_true", {v}, &Bool);
      break;
    case ReprKind::Str:
      if (from->kind() == ReprKind::Char) return llops.call_helper("str_from_char", {v});
      break;
    case ReprKind::Tuple:
      // Item by item into a new tuple (e.g. a (int, char) key of a dict of (int, str) keys).
      if (from->kind() == ReprKind::Tuple && ft != tt) {
        auto* tf = static_cast<TupleRepr*>(from);
        auto* tt2 = static_cast<TupleRepr*>(to);
        if (tf->items().size() == tt2->items().size()) {
          std::vector<Value*> items;
          for (size_t i = 0; i < tf->items().size(); ++i)
            items.push_back(convert_value(llops, tf->item(llops, v, i), tf->items()[i], tt2->items()[i]));
          return tt2->make(llops, items);
        }
      }
      break;
    case ReprKind::Instance:
    case ReprKind::Class:
    case ReprKind::Method:
      if (from->kind() == to->kind() || (from->kind() == ReprKind::Method && to->kind() == ReprKind::Instance) ||
          (from->kind() == ReprKind::Instance && to->kind() == ReprKind::Method)) {
        if (castable(as<Ptr>(ft), as<Ptr>(tt))) return llops.cast_pointer(v, tt);
      }
      break;
    default:
      break;
  }
  if (ft == tt && from->kind() == to->kind()) return v;
  if (is_pointer_repr(from) && is_pointer_repr(to) && ft == tt) return v;
  throw RTypeFailure("no conversion from " + from->name() + " to " + to->name());
}

}  // namespace rpp::rtyper
