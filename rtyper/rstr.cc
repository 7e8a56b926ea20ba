// Strings, minimal (rstr.h).
#include "rtyper/rstr.h"

#include "annotator/classdef.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"
#include "translator/flow/call_shape.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using flow::Block;
using flow::ConstValue;
using flow::Value;

ConstValue StrRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (auto* s = std::get_if<std::string>(&value))
    return static_ref(&rtyper.static_data().str(rtyper.runtime_types().str, *s));
  return Repr::convert_const(value, rtyper);
}

Value* str_constant(LowLevelOps& llops, const std::string& utf8) {
  RTyper& rtyper = llops.rtyper();
  return llops.static_constant(&rtyper.static_data().str(rtyper.runtime_types().str, utf8),
                               rtyper.types().ptr(rtyper.runtime_types().str));
}

namespace {

const Ptr* str_ptr(RTyper& rtyper) { return rtyper.types().ptr(rtyper.runtime_types().str); }

flow::FunctionGraph* bool_to_str(RTyper& rtyper, const flow::SourceLocation& loc) {
  return rtyper.helpers().get("ll_bool_to_str", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_bool_to_str", {&Bool}, str_ptr(rtyper), loc);
    Block* t = b.block({});
    Block* f = b.block({});
    b.branch(b.start(), b.start()->inputargs[0], t, {}, f, {});
    LowLevelOps ops = b.ops();
    b.return_(t, str_constant(ops, "True"));
    b.return_(f, str_constant(ops, "False"));
    return b.take();
  });
}

// str(e) of an exception: "" without args, str(args[0]) with one.
flow::FunctionGraph* exception_to_str(Hop& hop, const annotator::ClassDef* def) {
  RTyper& rtyper = hop.rtyper;
  ClassInfo* owner = nullptr;
  const ClassInfo::Field* f = rtyper.classes().find_field(def, "args", &owner, false);
  ClassInfo& info = rtyper.classes().info(def);
  std::string name = "ll_str_" + info.struct_name;
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* inst = rtyper.types().ptr(info.instance_struct);
    LowLevelGraphBuilder b(rtyper, name, {inst}, str_ptr(rtyper), hop.op.location);
    LowLevelOps ops = b.ops();
    Value* empty = str_constant(ops, "");
    auto* lr = f ? dynamic_cast<ListRepr*>(f->repr) : nullptr;
    if (!lr) {
      b.return_(b.start(), empty);
      return b.take();
    }
    Value* part = ops.cast_pointer(b.start()->inputargs[0], rtyper.types().ptr(owner->instance_struct));
    Value* lst = ops.genop("getfield", {part, ops.void_string(f->field)}, lr->lowleveltype());
    Value* nonnull = ops.genop("ptr_nonzero", {lst}, &Bool);
    b.append(b.start(), ops);
    Block* has = b.block({lr->lowleveltype()});
    Block* none = b.block({});
    b.branch(b.start(), nonnull, has, {lst}, none, {});
    b.return_(none, empty);
    LowLevelOps h = b.ops();
    Value* n = lr->length(h, has->inputargs[0]);
    Value* some = h.genop("int_gt", {n, h.constant(int64_t(0), &Signed)}, &Bool);
    b.append(has, h);
    Block* first = b.block({lr->lowleveltype()});
    b.branch(has, some, first, {has->inputargs[0]}, none, {});
    LowLevelOps r = b.ops();
    Value* items = lr->items(r, first->inputargs[0]);
    Value* x = r.genop("getarrayitem", {items, r.constant(int64_t(0), &Signed)}, lr->item_repr()->lowleveltype());
    Value* s = nullptr;
    switch (lr->item_repr()->kind()) {
      case ReprKind::Str: s = x; break;
      case ReprKind::Integer: s = r.call_helper("int_to_str", {r.convert(x, lr->item_repr(), rtyper.getrepr(annotator::s_int()))}); break;
      case ReprKind::Float: s = r.call_helper("float_to_str", {x}); break;
      case ReprKind::Char: s = r.call_helper("str_from_char", {x}); break;
      case ReprKind::Bool: s = r.call_graph(bool_to_str(rtyper, hop.op.location), {x}); break;
      default: throw RTypeFailure("str() of an exception whose args are " + lr->item_repr()->name());
    }
    b.append(first, r);
    b.return_(first, s);
    return b.take();
  });
}

}  // namespace

Value* to_str(Hop& hop, Value* v, Repr* r, const annotator::SomeRef& s) {
  LowLevelOps& llops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  switch (r->kind()) {
    case ReprKind::Str: return v;
    case ReprKind::Char: return llops.call_helper("str_from_char", {v});
    case ReprKind::Float: return llops.call_helper("float_to_str", {v});
    case ReprKind::Bool: return llops.call_graph(bool_to_str(rtyper, hop.op.location), {v});
    case ReprKind::Integer:
      return llops.call_helper("int_to_str", {llops.convert(v, r, rtyper.getrepr(annotator::s_int()))});
    case ReprKind::Void:
      if (s && s->is(SomeKind::None)) return str_constant(llops, "None");
      if (s && s->is_constant()) {
        const ConstValue& c = *s->constant();
        if (auto* str = std::get_if<std::string>(&c)) return str_constant(llops, *str);
      }
      break;
    case ReprKind::Instance: {
      auto* ir = static_cast<InstanceRepr*>(r);
      const annotator::ClassDef* def = ir->info()->classdef;
      if (rtyper.bookkeeper().is_exception_class(def)) return llops.call_graph(exception_to_str(hop, def), {v});
      break;
    }
    default:
      break;
  }
  throw RTypeFailure("str() of " + (s ? s->repr() : r->name()) + " is not supported yet");
}

Value* rtype_str(Hop& hop) {
  hop.exception_cannot_occur();
  return to_str(hop, hop.arg(0), hop.args_r[0], hop.args_s[0]);
}

Value* rtype_print(Hop& hop) {
  LowLevelOps& llops = hop.llops;
  size_t first = 1, npos = hop.nargs() - 1;
  std::string sep = " ", end = "\n";
  bool flush = false;
  if (hop.op.opname == "call_args") {
    auto* c = dynamic_cast<flow::Constant*>(hop.op.args[1]);
    auto* p = c ? std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c->value) : nullptr;
    auto* shape = p ? dynamic_cast<const flow::CallShape*>(p->get()) : nullptr;
    if (!shape || shape->star) hop.fail("print() with *args is not supported");
    first = 2;
    npos = size_t(shape->positional);
    for (size_t k = 0; k < shape->keywords.size(); ++k) {
      size_t i = first + npos + k;
      const ConstValue* v = hop.constant_arg(i);
      const std::string& kw = shape->keywords[k];
      if (kw == "flush") {
        flush = v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
        continue;
      }
      const std::string* text = v ? std::get_if<std::string>(v) : nullptr;
      if (!text || (kw != "sep" && kw != "end")) hop.fail("print() takes only constant str sep= and end=");
      (kw == "sep" ? sep : end) = *text;
    }
  }
  Value* line = nullptr;
  auto append = [&](Value* s) {
    line = line ? llops.call_helper("str_concat", {line, s}) : s;
  };
  for (size_t i = 0; i < npos; ++i) {
    if (i) append(str_constant(llops, sep));
    try {
      append(to_str(hop, hop.arg(first + i), hop.args_r[first + i], hop.args_s[first + i]));
    } catch (const RTypeFailure& e) {
      hop.fail(std::string("print(): ") + e.what());
    }
  }
  append(str_constant(llops, end));
  if (flush) {
    llops.call_helper("print_str", {line});
    hop.exception_is_here();
    llops.call_helper("print_flush", {});
  } else {
    hop.exception_is_here();
    llops.call_helper("print_str", {line});
  }
  return nullptr;
}

Value* rtype_str_binary(Hop& hop) {
  LowLevelOps& llops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  const std::string& op = hop.op.opname;
  Repr* rs = rtyper.getrepr(annotator::s_str());
  hop.exception_cannot_occur();
  if (hop.args_r[0]->kind() == ReprKind::Char && hop.args_r[1]->kind() == ReprKind::Char && op != "add" &&
      op != "inplace_add") {
    Value* a = hop.arg(0);
    Value* b = hop.arg(1);
    std::string cmp = op == "eq" ? "eq" : op == "ne" ? "ne" : op;
    return llops.genop("unichar_" + cmp, {a, b}, &Bool);
  }
  Value* a = hop.arg(0, rs);
  Value* b = hop.arg(1, rs);
  if (op == "add" || op == "inplace_add") return llops.call_helper("str_concat", {a, b});
  if (op == "eq") return llops.call_helper("str_eq", {a, b});
  if (op == "ne") return llops.genop("bool_not", {llops.call_helper("str_eq", {a, b})}, &Bool);
  if (op == "lt" || op == "le" || op == "gt" || op == "ge") {
    Value* c = llops.call_helper("str_cmp", {a, b});
    return llops.genop("int_" + op, {c, llops.constant(int64_t(0), &Signed)}, &Bool);
  }
  hop.unsupported();
}

Value* rtype_str_len(Hop& hop) {
  hop.exception_cannot_occur();
  if (hop.args_r[0]->kind() == ReprKind::Char) return hop.llops.constant(int64_t(1), &Signed);
  return hop.llops.genop("str_len", {hop.arg(0)}, &Signed);
}

Value* rtype_str_getitem(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  Value* s = hop.arg(0, rtyper.getrepr(annotator::s_str()));
  Value* i = hop.arg(1, rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = rtyper.helpers().get("ll_str_getitem", [&] {
    const Ptr* sp = str_ptr(rtyper);
    LowLevelGraphBuilder b(rtyper, "ll_str_getitem", {sp, &Signed}, &UniChar, hop.op.location);
    Block* start = b.start();
    LowLevelOps ops = b.ops();
    Value* n = ops.genop("str_len", {start->inputargs[0]}, &Signed);
    Value* neg = ops.genop("int_lt", {start->inputargs[1], ops.constant(int64_t(0), &Signed)}, &Bool);
    b.append(start, ops);
    Block* adjust = b.block({sp, &Signed, &Signed});
    Block* check = b.block({sp, &Signed, &Signed});
    b.branch(start, neg, adjust, {start->inputargs[0], start->inputargs[1], n}, check,
             {start->inputargs[0], start->inputargs[1], n});
    LowLevelOps a = b.ops();
    Value* j = a.genop("int_add", {adjust->inputargs[1], adjust->inputargs[2]}, &Signed);
    b.append(adjust, a);
    b.goto_(adjust, check, {adjust->inputargs[0], j, adjust->inputargs[2]});
    LowLevelOps c = b.ops();
    Value* ok = c.genop("int_between", {c.constant(int64_t(0), &Signed), check->inputargs[1], check->inputargs[2]}, &Bool);
    b.append(check, c);
    Block* read = b.block({sp, &Signed});
    Block* fail = b.block({});
    b.branch(check, ok, read, {check->inputargs[0], check->inputargs[1]}, fail, {});
    LowLevelOps rd = b.ops();
    Value* ch = rd.genop("str_getitem", {read->inputargs[0], read->inputargs[1]}, &UniChar);
    b.append(read, rd);
    b.return_(read, ch);
    const RuntimeTypes& rt = rtyper.runtime_types();
    LowLevelOps f = b.ops();
    b.raise_(fail, f.static_constant(rtyper.exceptions().vtable("IndexError"), rtyper.types().ptr(rt.object_vtable)),
             f.static_constant(rtyper.exceptions().instance("IndexError", "string index out of range"),
                               rtyper.types().ptr(rt.object)));
    return b.take();
  });
  hop.exception_is_here();
  Value* ch = hop.llops.call_graph(g, {s, i});
  return hop.llops.convert(ch, rtyper.getrepr(annotator::s_char()), hop.r_result);
}

Value* rtype_str_is_true(Hop& hop) {
  hop.exception_cannot_occur();
  if (hop.args_r[0]->kind() == ReprKind::Char) return hop.llops.constant(true, &Bool);
  Value* s = hop.arg(0);
  if (hop.args_s[0]->can_be_none()) hop.fail("the truth of a str that may be None is not supported yet");
  Value* n = hop.llops.genop("str_len", {s}, &Signed);
  return hop.llops.genop("int_is_true", {n}, &Bool);
}

}  // namespace rpp::rtyper
