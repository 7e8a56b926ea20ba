// Number operations (rnumber.h).
#include "rtyper/rnumber.h"

#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::IntType;
using annotator::SomeKind;
using flow::ConstValue;
using flow::Value;

namespace {

bool is_number_kind(ReprKind k) { return k == ReprKind::Integer || k == ReprKind::Bool || k == ReprKind::Float; }

Repr* signed_repr(RTyper& rtyper) { return rtyper.getrepr(annotator::s_int()); }
Repr* float_repr(RTyper& rtyper) { return rtyper.getrepr(annotator::s_float()); }

IntType int_type_of(Repr* r) {
  if (auto* i = dynamic_cast<IntegerRepr*>(r)) return i->int_type();
  return IntType::Signed;
}

// The integer repr both operands are compared or combined in.
IntegerRepr* common_integer(Hop& hop, Repr* a, Repr* b) {
  IntType ta = int_type_of(a), tb = int_type_of(b);
  IntType t = IntType::Signed;
  if (ta == IntType::UnsignedLongLong || tb == IntType::UnsignedLongLong) t = IntType::UnsignedLongLong;
  else if (ta == IntType::Unsigned || tb == IntType::Unsigned) t = IntType::Unsigned;
  else if (ta == IntType::SignedLongLong || tb == IntType::SignedLongLong) t = IntType::SignedLongLong;
  auto s = std::make_shared<annotator::SomeInteger>(false, t);
  return static_cast<IntegerRepr*>(hop.rtyper.getrepr(s));
}

// A constant divisor that is not zero (the plain operation cannot raise).
bool nonzero_constant(const Hop& hop, size_t i) {
  const ConstValue* c = hop.constant_arg(i);
  if (!c) return false;
  if (auto* v = std::get_if<int64_t>(c)) return *v != 0;
  if (auto* u = std::get_if<uint64_t>(c)) return *u != 0;
  if (auto* d = std::get_if<double>(c)) return *d != 0.0;
  if (auto* b = std::get_if<bool>(c)) return *b;
  return false;
}

std::string base_name(const std::string& op, bool& ovf) {
  std::string s = op;
  if (s.starts_with("inplace_")) s = s.substr(8);
  ovf = s.ends_with("_ovf");
  if (ovf) s = s.substr(0, s.size() - 4);
  if (s.back() == '_') s.pop_back();  // and_ or_
  return s;
}

// A possibly raising operation: the raising one is the last made for this hop.
Value* raising_op(Hop& hop, const std::string& name, std::vector<Value*> args, const LowLevelType* result) {
  hop.exception_is_here();
  return hop.llops.genop(name, std::move(args), result);
}

Value* float_arith(Hop& hop, const std::string& op) {
  RTyper& rtyper = hop.rtyper;
  Repr* rf = float_repr(rtyper);
  Value* a = hop.arg(0, rf);
  Value* b = hop.arg(1, rf);
  LowLevelOps& llops = hop.llops;
  if (op == "add" || op == "sub" || op == "mul") {
    hop.exception_cannot_occur();
    return llops.genop("float_" + op, {a, b}, &Float);
  }
  if (op == "truediv" || op == "floordiv" || op == "mod") {
    if (nonzero_constant(hop, 1)) {
      hop.exception_cannot_occur();
      return llops.genop("float_" + op, {a, b}, &Float);
    }
    return raising_op(hop, "float_" + op + "_zer", {a, b}, &Float);
  }
  if (op == "pow") {
    hop.exception_is_here();
    return llops.call_helper("float_pow", {a, b});
  }
  hop.unsupported();
}

Value* integer_arith(Hop& hop, const std::string& op, bool ovf, IntegerRepr* r) {
  LowLevelOps& llops = hop.llops;
  const std::string p = r->prefix();
  const LowLevelType* t = r->lowleveltype();
  bool is_signed = r->int_type() == IntType::Signed;
  if (ovf && !is_signed) hop.fail("ovfcheck() of " + r->name() + " arithmetic");
  Value* a = hop.arg(0, r);
  if (op == "lshift" || op == "rshift") {
    Value* n = hop.arg(1, signed_repr(hop.rtyper));
    if (ovf && op == "lshift") return raising_op(hop, "int_lshift_ovf", {a, n}, t);
    hop.exception_cannot_occur();
    return llops.genop(p + op, {a, n}, t);
  }
  Value* b = hop.arg(1, r);
  if (op == "add" || op == "sub" || op == "mul") {
    if (ovf) return raising_op(hop, "int_" + op + "_ovf", {a, b}, t);
    hop.exception_cannot_occur();
    return llops.genop(p + op, {a, b}, t);
  }
  if (op == "floordiv" || op == "mod") {
    if (ovf) return raising_op(hop, "int_" + op + "_ovf_zer", {a, b}, t);
    if (nonzero_constant(hop, 1)) {
      hop.exception_cannot_occur();
      return llops.genop(p + op, {a, b}, t);
    }
    return raising_op(hop, p + op + "_zer", {a, b}, t);
  }
  if (op == "and" || op == "or" || op == "xor") {
    hop.exception_cannot_occur();
    return llops.genop(p + op, {a, b}, t);
  }
  if (op == "pow" && is_signed) {
    hop.exception_cannot_occur();
    return llops.call_helper("int_pow", {a, b});
  }
  hop.unsupported();
}

}  // namespace

bool number_operands(const Hop& hop) {
  for (Repr* r : hop.args_r)
    if (!is_number_kind(r->kind()) && r->kind() != ReprKind::Char) return false;
  return true;
}

Value* rtype_arithmetic(Hop& hop) {
  bool ovf = false;
  std::string op = base_name(hop.op.opname, ovf);
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  auto text_kind = [&](size_t i) {
    return hop.args_r[i]->kind() == ReprKind::Str || hop.args_r[i]->kind() == ReprKind::Char;
  };
  if (op == "mul" && (text_kind(0) || text_kind(1))) return rtype_str_repeat(hop);
  if (!number_operands(hop)) {
    if ((op == "add") && text_kind(0)) return rtype_str_binary(hop);
    hop.unsupported();
  }
  if (hop.args_r[0]->kind() == ReprKind::Char || hop.args_r[1]->kind() == ReprKind::Char) {
    if (op == "add") return rtype_str_binary(hop);
    hop.unsupported();
  }
  if (op == "truediv") {
    bool ints = hop.args_r[0]->kind() != ReprKind::Float && hop.args_r[1]->kind() != ReprKind::Float;
    if (ints && int_type_of(hop.args_r[0]) == IntType::Signed && int_type_of(hop.args_r[1]) == IntType::Signed) {
      Value* a = hop.arg(0, signed_repr(rtyper));
      Value* b = hop.arg(1, signed_repr(rtyper));
      Value* r;
      if (nonzero_constant(hop, 1)) {
        hop.exception_cannot_occur();
        r = llops.genop("int_truediv", {a, b}, &Float);
      } else {
        r = raising_op(hop, "int_truediv_zer", {a, b}, &Float);
      }
      return r;
    }
    return float_arith(hop, op);
  }
  if (op == "divmod") {
    auto* tr = dynamic_cast<TupleRepr*>(hop.r_result);
    if (!tr || tr->items().size() != 2) hop.unsupported();
    Repr* item = tr->items()[0];
    Value *q, *m;
    if (item->kind() == ReprKind::Float) {
      Value* a = hop.arg(0, item);
      Value* b = hop.arg(1, item);
      m = llops.genop("float_mod", {a, b}, &Float);
      hop.exception_is_here();
      q = llops.genop("float_floordiv_zer", {a, b}, &Float);
    } else {
      auto* ir = dynamic_cast<IntegerRepr*>(item);
      if (!ir) hop.unsupported();
      Value* a = hop.arg(0, ir);
      Value* b = hop.arg(1, ir);
      m = llops.genop(std::string(ir->prefix()) + "mod", {a, b}, ir->lowleveltype());
      hop.exception_is_here();
      q = llops.genop(std::string(ir->prefix()) + "floordiv_zer", {a, b}, ir->lowleveltype());
    }
    return tr->make(llops, {q, llops.convert(m, item, tr->items()[1])});
  }
  Repr* r = hop.r_result;
  if (r->kind() == ReprKind::Float) return float_arith(hop, op);
  if (r->kind() == ReprKind::Integer && rtyper.intended_wraparound().count(&hop.op)) {
    // Its result only reaches intmask(): unsigned arithmetic, which wraps by definition.
    auto* ru = static_cast<IntegerRepr*>(rtyper.getrepr(std::make_shared<annotator::SomeInteger>(true, IntType::Unsigned)));
    Value* a = llops.convert(hop.arg(0, r), r, ru);
    Value* b = op == "lshift" ? hop.arg(1, signed_repr(rtyper)) : llops.convert(hop.arg(1, r), r, ru);
    hop.exception_cannot_occur();
    Value* x = llops.genop("uint_" + op, {a, b}, &Unsigned);
    return llops.convert(x, ru, r);
  }
  if (r->kind() == ReprKind::Integer) return integer_arith(hop, op, ovf, static_cast<IntegerRepr*>(r));
  if (r->kind() == ReprKind::Bool && (op == "and" || op == "or" || op == "xor")) {
    Value* a = hop.arg(0, signed_repr(rtyper));
    Value* b = hop.arg(1, signed_repr(rtyper));
    hop.exception_cannot_occur();
    Value* x = llops.genop("int_" + op, {a, b}, &Signed);
    return llops.genop("int_is_true", {x}, &Bool);
  }
  hop.unsupported();
}

Value* rtype_number_compare(Hop& hop) {
  std::string op = hop.op.opname;
  if (op == "is_") op = "eq";
  LowLevelOps& llops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  Repr* ra = hop.args_r[0];
  Repr* rb = hop.args_r[1];
  hop.exception_cannot_occur();
  if (ra->kind() == ReprKind::Char && rb->kind() == ReprKind::Char)
    return llops.genop("unichar_" + op, {hop.arg(0), hop.arg(1)}, &Bool);
  if (ra->kind() == ReprKind::Char || rb->kind() == ReprKind::Char) hop.unsupported();
  bool fa = ra->kind() == ReprKind::Float, fb = rb->kind() == ReprKind::Float;
  if (fa && fb) return llops.genop("float_" + op, {hop.arg(0), hop.arg(1)}, &Bool);
  if (fa || fb) {
    // Exact comparison of an integer with a float.
    size_t ii = fa ? 1 : 0, fi = fa ? 0 : 1;
    if (int_type_of(hop.args_r[ii]) != IntType::Signed) {
      Repr* rf = float_repr(rtyper);
      return llops.genop("float_" + op, {hop.arg(0, rf), hop.arg(1, rf)}, &Bool);
    }
    std::string swapped = op;
    if (fa) {
      if (op == "lt") swapped = "gt";
      else if (op == "le") swapped = "ge";
      else if (op == "gt") swapped = "lt";
      else if (op == "ge") swapped = "le";
    }
    return llops.genop("int_float_" + swapped, {hop.arg(ii, signed_repr(rtyper)), hop.arg(fi, float_repr(rtyper))},
                       &Bool);
  }
  IntegerRepr* r = common_integer(hop, ra, rb);
  return llops.genop(std::string(r->prefix()) + op, {hop.arg(0, r), hop.arg(1, r)}, &Bool);
}

Value* rtype_number_unary(Hop& hop) {
  bool ovf = false;
  std::string op = base_name(hop.op.opname, ovf);
  LowLevelOps& llops = hop.llops;
  Repr* r = hop.r_result;
  if (op == "pos") {
    hop.exception_cannot_occur();
    return hop.arg(0, r);
  }
  if (r->kind() == ReprKind::Float) {
    hop.exception_cannot_occur();
    if (op == "neg" || op == "abs") return llops.genop("float_" + op, {hop.arg(0, r)}, &Float);
    hop.unsupported();
  }
  auto* ir = dynamic_cast<IntegerRepr*>(r);
  if (!ir) hop.unsupported();
  Value* a = hop.arg(0, ir);
  const LowLevelType* t = ir->lowleveltype();
  if (ovf) {
    if (ir->int_type() != IntType::Signed) hop.fail("ovfcheck() of " + ir->name() + " arithmetic");
    return raising_op(hop, "int_" + op + "_ovf", {a}, t);
  }
  hop.exception_cannot_occur();
  if (op == "invert") return llops.genop(std::string(ir->prefix()) + "invert", {a}, t);
  if (ir->is_unsigned()) {
    if (op == "abs") return a;
    if (op == "neg") return llops.genop(std::string(ir->prefix()) + "sub", {llops.constant(uint64_t(0), t), a}, t);
  } else if (op == "neg" || op == "abs") {
    return llops.genop(std::string(ir->prefix()) + op, {a}, t);
  }
  hop.unsupported();
}

Value* truth_value(Hop& hop, Value* v, Repr* r, const annotator::SomeRef& s) {
  LowLevelOps& llops = hop.llops;
  switch (r->kind()) {
    case ReprKind::Bool: return v;
    case ReprKind::Integer: return llops.genop(std::string(static_cast<IntegerRepr*>(r)->prefix()) + "is_true", {v}, &Bool);
    case ReprKind::Float: return llops.genop("float_is_true", {v}, &Bool);
    case ReprKind::Char: return llops.constant(true, &Bool);
    case ReprKind::Str:
      if (s && s->can_be_none()) hop.fail("the truth of a str that may be None is not supported yet");
      return llops.genop("int_is_true", {llops.genop("str_len", {v}, &Signed)}, &Bool);
    case ReprKind::Instance:
    case ReprKind::Class:
    case ReprKind::Function:
    case ReprKind::Method:
      if (s && !s->can_be_none()) return llops.constant(true, &Bool);
      return llops.genop("ptr_nonzero", {v}, &Bool);
    case ReprKind::Tuple: return llops.constant(!static_cast<TupleRepr*>(r)->items().empty(), &Bool);
    case ReprKind::List: {
      auto* lr = static_cast<ListRepr*>(r);
      if (s && s->can_be_none()) hop.fail("the truth of a list that may be None is not supported yet");
      return llops.genop("int_is_true", {lr->length(llops, v)}, &Bool);
    }
    case ReprKind::Void:
      if (s && s->is(SomeKind::None)) return llops.constant(false, &Bool);
      if (s && s->is_constant()) {
        const ConstValue& c = *s->constant();
        if (auto* b = std::get_if<bool>(&c)) return llops.constant(*b, &Bool);
        if (auto* i = std::get_if<int64_t>(&c)) return llops.constant(*i != 0, &Bool);
        if (auto* str = std::get_if<std::string>(&c)) return llops.constant(!str->empty(), &Bool);
      }
      return llops.constant(true, &Bool);
    default: break;
  }
  hop.fail("the truth of " + (s ? s->repr() : r->name()) + " is not supported yet");
}

Value* rtype_is_true(Hop& hop) {
  hop.exception_cannot_occur();
  return truth_value(hop, hop.arg(0), hop.args_r[0], hop.args_s[0]);
}

}  // namespace rpp::rtyper
