// Strings, minimal (rstr.h).
#include "rtyper/rstr.h"

#include "annotator/classdef.h"
#include "annotator/listdef.h"
#include "rtyper/checked_index.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtuple.h"
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

// str(e) of an exception: str(args[0]) when it has args (repr(args[0]) for a KeyError), else
// the message an operation or a runtime helper gave it (BaseException's rpy_message), else "". When `args` lives on subclasses
// of `def` (ValueError("x") seen as an Exception), the helper dispatches on the class to theirs.
flow::FunctionGraph* exception_to_str(Hop& hop, const annotator::ClassDef* def) {
  RTyper& rtyper = hop.rtyper;
  ClassInfo* owner = nullptr;
  const ClassInfo::Field* f = rtyper.classes().find_field(def, "args", &owner, false);
  std::vector<const annotator::ClassDef*> owners_below;  // subclasses where an `args` field lives
  if (!f)
    for (const annotator::ClassDef* sub : def->all_subclasses())
      if (sub != def) {
        auto a = rtyper.classes().info(sub).fields.find("args");
        auto* sub_lr = a == rtyper.classes().info(sub).fields.end() ? nullptr : dynamic_cast<ListRepr*>(a->second.repr);
        if (sub_lr && !sub_lr->item_repr()->is_void()) owners_below.push_back(sub);  // not only E()
      }
  ClassInfo& info = rtyper.classes().info(def);
  ClassInfo* root = &info;
  while (root->parent) root = root->parent;
  std::string name = "ll_exception_str_" + info.struct_name;
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* inst = rtyper.types().ptr(info.instance_struct);
    LowLevelGraphBuilder b(rtyper, name, {inst}, str_ptr(rtyper), hop.op.location);
    auto* lr = f ? dynamic_cast<ListRepr*>(f->repr) : nullptr;
    if (lr && lr->item_repr()->is_void()) lr = nullptr;  // E() only: args always empty
    // msg(e): the message, or "".
    Block* msg = b.block({inst});
    {
      LowLevelOps m = b.ops();
      Value* rp = m.cast_pointer(msg->inputargs[0], rtyper.types().ptr(root->instance_struct));
      Value* text = m.genop("getfield", {rp, m.void_string("rpy_message")}, str_ptr(rtyper));
      Value* nn = m.genop("ptr_nonzero", {text}, &Bool);
      b.append(msg, m);
      Block* some = b.block({str_ptr(rtyper)});
      Block* none = b.block({});
      b.branch(msg, nn, some, {text}, none, {});
      b.return_(some, some->inputargs[0]);
      LowLevelOps n = b.ops();
      b.return_(none, str_constant(n, ""));
    }
    if (!lr && !owners_below.empty()) {
      // One isinstance test per subclass owning `args`, then its own str helper.
      Block* test = b.start();
      for (const annotator::ClassDef* sub : owners_below) {
        LowLevelOps t = b.ops();
        Value* e = test->inputargs[0];
        Value* is = rtyper.classes().vtable_isinstance(t, rtyper.classes().typeptr(t, e), sub);
        b.append(test, t);
        Block* yes = b.block({inst});
        Block* next = b.block({inst});
        b.branch(test, is, yes, {e}, next, {e});
        LowLevelOps y = b.ops();
        Value* as_sub = y.cast_pointer(yes->inputargs[0], rtyper.types().ptr(rtyper.classes().info(sub).instance_struct));
        Value* s = y.call_graph(exception_to_str(hop, sub), {as_sub});
        b.append(yes, y);
        b.return_(yes, s);
        test = next;
      }
      b.goto_(test, msg, {test->inputargs[0]});
      return b.take();
    }
    if (!lr) {
      b.goto_(b.start(), msg, {b.start()->inputargs[0]});
      return b.take();
    }
    LowLevelOps ops = b.ops();
    Value* e = b.start()->inputargs[0];
    Value* part = ops.cast_pointer(e, rtyper.types().ptr(owner->instance_struct));
    Value* lst = ops.genop("getfield", {part, ops.void_string(f->field)}, lr->lowleveltype());
    Value* nonnull = ops.genop("ptr_nonzero", {lst}, &Bool);
    b.append(b.start(), ops);
    Block* has = b.block({inst, lr->lowleveltype()});
    b.branch(b.start(), nonnull, has, {e, lst}, msg, {e});
    LowLevelOps h = b.ops();
    Value* n = lr->length(h, has->inputargs[1]);
    Value* some = h.genop("int_gt", {n, h.constant(int64_t(0), &Signed)}, &Bool);
    b.append(has, h);
    Block* first = b.block({lr->lowleveltype()});
    b.branch(has, some, first, {has->inputargs[1]}, msg, {has->inputargs[0]});
    LowLevelOps r = b.ops();
    Value* items = lr->items(r, first->inputargs[0]);
    Value* x = r.genop("getarrayitem", {items, r.constant(int64_t(0), &Signed)}, lr->item_repr()->lowleveltype());
    Value* s = nullptr;
    bool key_error = def->builtin_base("KeyError") != nullptr;  // CPython's str(KeyError(k)) is repr(k)
    switch (lr->item_repr()->kind()) {
      case ReprKind::Str: s = key_error ? r.call_helper("str_repr", {x}) : x; break;
      case ReprKind::Integer: s = r.call_helper("int_to_str", {r.convert(x, lr->item_repr(), rtyper.getrepr(annotator::s_int()))}); break;
      case ReprKind::Float: s = r.call_helper("float_to_str", {x}); break;
      case ReprKind::Char:
        s = r.call_helper("str_from_char", {x});
        if (key_error) s = r.call_helper("str_repr", {s});
        break;
      case ReprKind::Bool: s = r.call_graph(bool_to_str(rtyper, hop.op.location), {x}); break;
      default: throw RTypeFailure("str() of an exception whose args are " + lr->item_repr()->name());
    }
    b.append(first, r);
    b.return_(first, s);
    return b.take();
  });
}

}  // namespace

namespace {

Value* to_text(Hop& hop, LowLevelOps& llops, Value* v, Repr* r, const annotator::SomeRef& s, bool repr);

// ll_list_repr_T(l): "[" + ", ".join(repr(x) for x in l) + "]", through a string builder.
flow::FunctionGraph* list_repr_graph(Hop& hop, ListRepr* lr, const annotator::SomeRef& s) {
  RTyper& rtyper = hop.rtyper;
  std::string name = "ll_list_repr_" + ll_name(lr->lowleveltype()->to_string());
  annotator::SomeRef item_s;
  if (s && s->is(SomeKind::List)) item_s = s->as<annotator::SomeList>().listdef->item()->value();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = lr->lowleveltype();
    const LowLevelType* bt = rtyper.types().ptr(rtyper.runtime_types().builder);
    LowLevelGraphBuilder b(rtyper, name, {lt}, str_ptr(rtyper), hop.op.location);
    Block* start = b.start();
    LowLevelOps o = b.ops();
    Value* sb = o.call_helper("builder_new", {o.constant(int64_t(16), &Signed)});
    o.call_helper("builder_append_char", {sb, o.constant(int64_t('['), &UniChar)});
    b.append(start, o);
    std::vector<const LowLevelType*> state{lt, bt, &Signed};
    Block* head = b.block(state);
    b.goto_(start, head, {start->inputargs[0], sb, o.constant(int64_t(0), &Signed)});
    LowLevelOps h = b.ops();
    Value* n = lr->length(h, head->inputargs[0]);
    Value* more = h.genop("int_lt", {head->inputargs[2], n}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({bt});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], head->inputargs[2]}, done, {head->inputargs[1]});
    LowLevelOps w = b.ops();
    Value* i = body->inputargs[2];
    Value* first = w.genop("int_eq", {i, w.constant(int64_t(0), &Signed)}, &Bool);
    b.append(body, w);
    Block* sep = b.block(state);
    Block* item = b.block(state);
    b.branch(body, first, item, {body->inputargs[0], body->inputargs[1], i}, sep,
             {body->inputargs[0], body->inputargs[1], i});
    LowLevelOps so = b.ops();
    so.call_helper("builder_append", {sep->inputargs[1], str_constant(so, ", ")});
    b.append(sep, so);
    b.goto_(sep, item, {sep->inputargs[0], sep->inputargs[1], sep->inputargs[2]});
    LowLevelOps io = b.ops();
    Value* x = io.genop("getarrayitem", {lr->items(io, item->inputargs[0]), item->inputargs[2]},
                        lr->item_repr()->lowleveltype());
    Value* text = to_text(hop, io, x, lr->item_repr(), item_s, true);
    io.call_helper("builder_append", {item->inputargs[1], text});
    Value* next = io.genop("int_add", {item->inputargs[2], io.constant(int64_t(1), &Signed)}, &Signed);
    b.append(item, io);
    b.goto_(item, head, {item->inputargs[0], item->inputargs[1], next});
    LowLevelOps d = b.ops();
    d.call_helper("builder_append_char", {done->inputargs[0], d.constant(int64_t(']'), &UniChar)});
    Value* out = d.call_helper("builder_build", {done->inputargs[0]});
    b.append(done, d);
    b.return_(done, out);
    return b.take();
  });
}

Value* to_text(Hop& hop, LowLevelOps& llops, Value* v, Repr* r, const annotator::SomeRef& s, bool repr) {
  RTyper& rtyper = hop.rtyper;
  if (repr) {
    if (r->kind() == ReprKind::Str) return llops.call_helper("str_repr", {v});
    if (r->kind() == ReprKind::Char) return llops.call_helper("str_repr", {llops.call_helper("str_from_char", {v})});
    if (r->kind() == ReprKind::Void && s && s->is_constant())
      if (auto* str = std::get_if<std::string>(&*s->constant()))
        return llops.call_helper("str_repr", {str_constant(llops, *str)});
  }
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
    case ReprKind::Tuple: {
      // "(a, b)" / "(a,)": items whose repr is their str (numbers, bools, None, tuples of those).
      auto* tr = static_cast<TupleRepr*>(r);
      const auto& items_s = s && s->is(SomeKind::Tuple) ? s->as<annotator::SomeTuple>().items
                                                         : std::vector<annotator::SomeRef>{};
      Value* text = nullptr;
      auto append = [&](Value* piece) { text = text ? llops.call_helper("str_concat", {text, piece}) : piece; };
      append(str_constant(llops, "("));
      for (size_t i = 0; i < tr->items().size(); ++i) {
        Repr* ir = tr->items()[i];
        if (i) append(str_constant(llops, ", "));
        append(to_text(hop, llops, tr->item(llops, v, i), ir, i < items_s.size() ? items_s[i] : nullptr, true));
      }
      append(str_constant(llops, tr->items().size() == 1 ? ",)" : ")"));
      return text;
    }
    case ReprKind::List: return llops.call_graph(list_repr_graph(hop, static_cast<ListRepr*>(r), s), {v});
    default:
      break;
  }
  throw RTypeFailure(std::string(repr ? "repr() of " : "str() of ") + (s ? s->repr() : r->name()) +
                     " is not supported yet");
}

}  // namespace

Value* to_str(Hop& hop, Value* v, Repr* r, const annotator::SomeRef& s) {
  return to_text(hop, hop.llops, v, r, s, false);
}

Value* join_str_of(Hop& hop, const std::vector<TextPart>& parts, const std::string& sep, const std::string& caller) {
  LowLevelOps& llops = hop.llops;
  Value* line = nullptr;
  auto append = [&](Value* s) { line = line ? llops.call_helper("str_concat", {line, s}) : s; };
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) append(str_constant(llops, sep));
    try {
      append(to_str(hop, parts[i].value, parts[i].repr, parts[i].annotation));
    } catch (const RTypeFailure& e) {
      hop.fail(caller + "(): " + e.what());
    }
  }
  return line;
}

Value* to_repr(Hop& hop, Value* v, Repr* r, const annotator::SomeRef& s) {
  return to_text(hop, hop.llops, v, r, s, true);
}

Value* to_repr_in(Hop& hop, LowLevelOps& ops, Value* v, Repr* r) { return to_text(hop, ops, v, r, nullptr, true); }

Value* rtype_repr(Hop& hop) {
  hop.exception_cannot_occur();
  try {
    return to_repr(hop, hop.arg(0), hop.args_r[0], hop.args_s[0]);
  } catch (const RTypeFailure& e) {
    hop.fail(e.what());
  }
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
  std::vector<TextPart> parts;
  for (size_t i = first; i < first + npos; ++i) parts.push_back({hop.arg(i), hop.args_r[i], hop.args_s[i]});
  Value* line = join_str_of(hop, parts, sep, "print");
  Value* ending = str_constant(llops, end);
  line = line ? llops.call_helper("str_concat", {line, ending}) : ending;
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

Value* rtype_str_repeat(Hop& hop) {
  LowLevelOps& llops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  auto is_text = [&](size_t i) {
    return hop.args_r[i]->kind() == ReprKind::Str || hop.args_r[i]->kind() == ReprKind::Char;
  };
  size_t text = is_text(0) ? 0 : 1;
  size_t count = 1 - text;
  if (!is_text(text) || hop.args_r[count]->kind() != ReprKind::Integer) hop.unsupported();
  hop.exception_cannot_occur();
  Value* s = hop.arg(text, rtyper.getrepr(annotator::s_str()));
  Value* n = hop.arg(count, rtyper.getrepr(annotator::s_int()));
  return llops.call_helper("str_mul", {s, n});
}

Value* rtype_str_len(Hop& hop) {
  hop.exception_cannot_occur();
  if (hop.args_r[0]->kind() == ReprKind::Char) return hop.llops.constant(int64_t(1), &Signed);
  return hop.llops.genop("str_len", {hop.arg(0)}, &Signed);
}

flow::FunctionGraph* checked_char_read_graph(RTyper& rtyper, const std::string& name, const LowLevelType* ptr,
                                             bool as_int, const std::string& message, const flow::SourceLocation& where,
                                             bool nonneg) {
  const LowLevelType* result = as_int ? static_cast<const LowLevelType*>(&Signed) : &UniChar;
  return checked_read_graph(
      rtyper, name, ptr, result, [](LowLevelOps& ops, Value* s) { return ops.genop("str_len", {s}, &Signed); },
      [as_int](LowLevelOps& ops, Value* s, Value* i) -> Value* {
        Value* ch = ops.genop("str_getitem", {s, i}, &UniChar);
        return as_int ? ops.genop("cast_unichar_to_int", {ch}, &Signed) : ch;
      },
      message, where, nonneg);
}

Value* rtype_str_getitem(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  Value* s = hop.arg(0, rtyper.getrepr(annotator::s_str()));
  Value* i = hop.arg(1, rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = checked_char_read_graph(rtyper, "ll_str_getitem", str_ptr(rtyper), false,
                                                   "string index out of range", hop.op.location,
                                                   index_proven_nonneg(hop.args_s[1]));
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
