// The table of flow operation lowerings (op_handlers.h).
#include "rtyper/op_handlers.h"

#include <map>
#include <set>

#include "annotator/classdef.h"
#include "annotator/description.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rbuiltin.h"
#include "rtyper/rclass.h"
#include "rtyper/rcompare.h"
#include "rtyper/rdict.h"
#include "rtyper/riter.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rnumber.h"
#include "rtyper/rpbc.h"
#include "rtyper/rslice.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"
#include "translator/flow/operations.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using flow::ConstValue;
using flow::Value;

namespace {

using Handler = Value* (*)(Hop&);

bool is_none(const Hop& hop, size_t i) { return hop.args_s[i] && hop.args_s[i]->is(SomeKind::None); }

// ==, !=, is on pointers and None.
Value* pointer_compare(Hop& hop) {
  LowLevelOps& llops = hop.llops;
  RTyper& rtyper = hop.rtyper;
  std::string op = hop.op.opname;
  bool eq = op == "eq" || op == "is_";
  if (op != "eq" && op != "ne" && op != "is_") hop.unsupported();
  hop.exception_cannot_occur();
  if (is_none(hop, 0) || is_none(hop, 1)) {
    size_t other = is_none(hop, 0) ? 1 : 0;
    if (is_none(hop, other) || hop.args_r[other]->is_void()) return llops.constant(eq == is_none(hop, other), &Bool);
    return llops.genop(eq ? "ptr_iszero" : "ptr_nonzero", {hop.arg(other)}, &Bool);
  }
  Repr* ra = hop.args_r[0];
  Repr* rb = hop.args_r[1];
  // == on tuples compares items, not identity (not implemented yet).
  if ((ra->kind() == ReprKind::Tuple || rb->kind() == ReprKind::Tuple) && op != "is_") hop.unsupported();
  if ((ra->kind() == ReprKind::Str || rb->kind() == ReprKind::Str) && op != "is_") return rtype_str_binary(hop);
  const RuntimeTypes& rt = rtyper.runtime_types();
  auto common = [&](Repr* r) -> const LowLevelType* {
    if (r->kind() == ReprKind::Instance || r->kind() == ReprKind::Method) return rtyper.types().ptr(rt.object);
    if (r->kind() == ReprKind::Class) return rtyper.types().ptr(rt.object_vtable);
    return r->lowleveltype();
  };
  if (ra->is_void() && rb->is_void()) hop.unsupported();
  // A known constant (a class, a function) compared with a value: the constant in its repr.
  if (ra->is_void()) ra = rb;
  if (rb->is_void()) rb = ra;
  Value* a = llops.cast_pointer(hop.arg(0, ra), common(ra));
  Value* b = llops.cast_pointer(hop.arg(1, rb), common(rb));
  if (a->concretetype != b->concretetype || !as<Ptr>(a->concretetype)) hop.unsupported();
  return llops.genop(eq ? "ptr_eq" : "ptr_ne", {a, b}, &Bool);
}

Value* rtype_compare(Hop& hop) {
  if (number_operands(hop)) return rtype_number_compare(hop);
  Repr* ra = hop.args_r[0];
  Repr* rb = hop.args_r[1];
  bool text = (ra->kind() == ReprKind::Str || ra->kind() == ReprKind::Char) &&
              (rb->kind() == ReprKind::Str || rb->kind() == ReprKind::Char);
  if (text && hop.op.opname != "is_") return rtype_str_binary(hop);
  if (ra->kind() == ReprKind::Bytes && rb->kind() == ReprKind::Bytes && hop.op.opname != "is_")
    return rtype_bytes_binary(hop);
  bool containers = (ra->kind() == ReprKind::Tuple && rb->kind() == ReprKind::Tuple) ||
                    (ra->kind() == ReprKind::List && rb->kind() == ReprKind::List) ||
                    (ra->kind() == ReprKind::Dict && rb->kind() == ReprKind::Dict);
  if (containers && hop.op.opname != "is_") return rtype_container_eq(hop);
  // == of a dict and a non-dict: not identity (unsupported).
  if ((ra->kind() == ReprKind::Dict || rb->kind() == ReprKind::Dict) && hop.op.opname != "is_") hop.unsupported();
  return pointer_compare(hop);
}

Value* rtype_len(Hop& hop) {
  switch (hop.args_r[0]->kind()) {
    case ReprKind::Str:
    case ReprKind::Char: return rtype_str_len(hop);
    case ReprKind::Tuple: return rtype_tuple_len(hop);
    case ReprKind::List: return rtype_list_len(hop);
    case ReprKind::Dict: return rtype_dict_len(hop);
    case ReprKind::Bytes: return rtype_bytes_len(hop);
    default: hop.unsupported();
  }
}

Value* rtype_getitem(Hop& hop) {
  if (hop.args_r[1]->kind() == ReprKind::Slice) return rtype_getitem_slice(hop);
  switch (hop.args_r[0]->kind()) {
    case ReprKind::Str: return rtype_str_getitem(hop);
    case ReprKind::Tuple: return rtype_tuple_getitem(hop);
    case ReprKind::List: return rtype_list_getitem(hop);
    case ReprKind::Dict: return rtype_dict_getitem(hop);
    case ReprKind::Bytes: return rtype_bytes_getitem(hop);
    default: hop.unsupported();
  }
}

bool is_list(const Hop& hop, size_t i) { return i < hop.args_r.size() && hop.args_r[i]->kind() == ReprKind::List; }

// Arithmetic, unless an operand is a list (`+`, `+=`, `*`).
Value* rtype_binary(Hop& hop) {
  const std::string& op = hop.op.opname;
  if (is_list(hop, 0) || is_list(hop, 1)) {
    if (op == "add") return rtype_list_add(hop);
    if (op == "inplace_add") return rtype_list_inplace_add(hop);
    if (op == "mul" || op == "inplace_mul") return rtype_list_mul(hop);
    hop.unsupported();
  }
  if (op == "mod" && hop.args_r[0]->kind() == ReprKind::Str) return rtype_str_mod(hop);
  if (hop.args_r[0]->kind() == ReprKind::Bytes || hop.args_r[1]->kind() == ReprKind::Bytes) return rtype_bytes_binary(hop);
  return rtype_arithmetic(hop);
}

bool is_dict(const Hop& hop, size_t i) { return i < hop.args_r.size() && hop.args_r[i]->kind() == ReprKind::Dict; }

Value* rtype_setitem(Hop& hop) {
  if (hop.args_r[1]->kind() == ReprKind::Slice)
    hop.fail("assignment to an extended slice is not supported (only l[a:b] = other)");
  if (is_dict(hop, 0)) return rtype_dict_setitem(hop);
  if (is_list(hop, 0)) return rtype_list_setitem(hop);
  hop.unsupported();
}

Value* rtype_delitem(Hop& hop) {
  if (is_dict(hop, 0)) return rtype_dict_delitem(hop);
  if (is_list(hop, 0)) return rtype_list_delitem(hop);
  hop.unsupported();
}

Value* rtype_contains(Hop& hop) {
  if (is_dict(hop, 0)) return rtype_dict_contains(hop);
  if (is_list(hop, 0)) return rtype_list_contains(hop);
  if (hop.args_r[0]->kind() == ReprKind::Str) return rtype_str_contains(hop);
  if (hop.args_r[0]->kind() == ReprKind::Tuple) return rtype_tuple_contains(hop);
  if (hop.args_r[0]->kind() == ReprKind::Bytes) return rtype_bytes_contains(hop);
  hop.unsupported();
}

Value* rtype_getslice(Hop& hop) {
  if (is_list(hop, 0)) return rtype_list_getslice(hop);
  if (hop.args_r[0]->kind() == ReprKind::Str) return rtype_str_getslice(hop);
  if (hop.args_r[0]->kind() == ReprKind::Bytes) return rtype_bytes_getslice(hop);
  hop.unsupported();
}

Value* rtype_setslice(Hop& hop) {
  if (is_list(hop, 0)) return rtype_list_setslice(hop);
  hop.unsupported();
}

Value* rtype_delslice(Hop& hop) {
  if (is_list(hop, 0)) return rtype_list_delslice(hop);
  hop.unsupported();
}

Value* rtype_call(Hop& hop) {
  if (hop.args_s[0] && hop.args_s[0]->is(SomeKind::Builtin)) return rtype_builtin_call(hop);
  return rtype_pbc_call(hop);
}

const std::string& attr_name(Hop& hop) {
  const ConstValue* c = hop.constant_arg(1);
  const std::string* s = c ? std::get_if<std::string>(c) : nullptr;
  if (!s) hop.fail("an attribute name must be a constant");
  return *s;
}

Value* rtype_getattr(Hop& hop) {
  const std::string& attr = attr_name(hop);
  Repr* r = hop.args_r[0];
  RTyper& rtyper = hop.rtyper;
  if (hop.r_result->kind() == ReprKind::Method) return rtype_pbc_getattr(hop);
  if (hop.r_result->kind() == ReprKind::BuiltinMethod) {  // lst.append, s.split...: the receiver
    hop.exception_cannot_occur();
    return hop.arg(0, static_cast<BuiltinMethodRepr*>(hop.r_result)->receiver());
  }
  if (hop.r_result->is_void() && hop.args_s[0] && !hop.args_s[0]->is(SomeKind::Instance)) {
    hop.exception_cannot_occur();
    return nullptr;  // a builtin method bound to its receiver, a known constant...
  }
  if (auto* ir = dynamic_cast<InstanceRepr*>(r)) {
    const annotator::ClassDef* def = ir->info()->classdef;
    const annotator::ClassMember* m = def->desc ? def->desc->lookup(attr) : nullptr;
    if (m && m->kind == annotator::ClassMember::Kind::Property) {
      // A read-only property: its getter's graph, called on the instance.
      annotator::Desc* d = rtyper.bookkeeper().desc_for(m->function());
      flow::FunctionGraph* g = d && d->kind == annotator::DescKind::Function
                                   ? default_graph(d->as<annotator::FunctionDesc>())
                                   : nullptr;
      if (!g) hop.fail("the property '" + attr + "' of " + def->name + " has no getter graph");
      Repr* self = rtyper.getrepr(g->startblock->inputargs[0]->annotation);
      Value* x = hop.llops.convert(hop.arg(0), ir, self);
      hop.exception_is_here();
      Value* v = hop.llops.call_graph(g, {x});
      return hop.llops.convert(v, rtyper.getrepr(g->returnblock->inputargs[0]->annotation), hop.r_result);
    }
    hop.exception_cannot_occur();
    if (attr == "__class__") {
      Value* t = rtyper.classes().typeptr(hop.llops, hop.arg(0));
      return hop.llops.convert(t, rtyper.classes().class_repr(nullptr), hop.r_result);
    }
    if (hop.r_result->is_void()) return nullptr;
    return rtyper.classes().getattr(hop, hop.arg(0), ir, attr);
  }
  if (auto* cr = dynamic_cast<ClassRepr*>(r)) {
    hop.exception_cannot_occur();
    LowLevelOps& llops = hop.llops;
    const RuntimeTypes& rt = rtyper.runtime_types();
    if (attr == "__name__") {
      Value* vt = llops.cast_pointer(hop.arg(0), rtyper.types().ptr(rt.object_vtable));
      return llops.genop("getfield", {vt, llops.void_string("name")}, rtyper.types().ptr(rt.str));
    }
    if (cr->info()) {
      ClassInfo* owner = nullptr;
      if (const ClassInfo::Field* f = rtyper.classes().find_field(cr->info()->classdef, attr, &owner, true);
          f && !f->is_method) {
        Value* vt = rtyper.classes().vtable_as(llops, hop.arg(0), *owner);
        Value* v = llops.genop("getfield", {vt, llops.void_string(f->field)}, f->repr->lowleveltype());
        return llops.convert(v, f->repr, hop.r_result);
      }
    }
  }
  hop.unsupported();
}

Value* rtype_setattr(Hop& hop) {
  const std::string& attr = attr_name(hop);
  auto* ir = dynamic_cast<InstanceRepr*>(hop.args_r[0]);
  if (!ir) hop.unsupported();
  hop.exception_cannot_occur();
  hop.rtyper.classes().setattr(hop, hop.arg(0), ir, attr, hop.arg(2), hop.args_r[2]);
  return nullptr;
}

// The ClassDefs a class constant (or a tuple of them) names.
std::vector<const annotator::ClassDef*> classes_of(Hop& hop, size_t i) {
  const ConstValue* c = hop.constant_arg(i);
  if (!c) hop.fail("the class of isinstance/issubclass must be a constant");
  std::vector<const annotator::ClassDef*> out;
  if (const annotator::ClassDef* d = hop.rtyper.classes().classdef_of(*c)) out.push_back(d);
  if (out.empty()) hop.fail("isinstance of a class that is never instantiated or a builtin type");
  return out;
}

Value* rtype_isinstance(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  auto* ir = dynamic_cast<InstanceRepr*>(hop.args_r[0]);
  if (!ir) hop.unsupported();
  auto defs = classes_of(hop, 1);
  hop.exception_cannot_occur();
  LowLevelOps& llops = hop.llops;
  Value* x = hop.arg(0);
  if (!hop.args_s[0]->can_be_none()) {
    Value* t = rtyper.classes().typeptr(llops, x);
    return rtyper.classes().vtable_isinstance(llops, t, defs[0]);
  }
  // A nullable instance: None is an instance of nothing.
  ClassInfo& ci = rtyper.classes().info(defs[0]);
  const RuntimeTypes& rt = rtyper.runtime_types();
  const Ptr* objp = rtyper.types().ptr(rt.object);
  flow::FunctionGraph* g = rtyper.helpers().get("ll_isinstance_nullable", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_isinstance_nullable", {objp, &Signed, &Signed}, &Bool, hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* nonnull = ops.genop("ptr_nonzero", {s->inputargs[0]}, &Bool);
    b.append(s, ops);
    flow::Block* check = b.block({objp, &Signed, &Signed});
    flow::Block* no = b.block({});
    b.branch(s, nonnull, check, {s->inputargs[0], s->inputargs[1], s->inputargs[2]}, no, {});
    LowLevelOps c = b.ops();
    Value* vt = c.genop("getfield", {check->inputargs[0], c.void_string("typeptr")}, rtyper.types().ptr(rt.object_vtable));
    Value* id = c.genop("getfield", {vt, c.void_string("subclassrange_min")}, &Signed);
    Value* in = c.genop("int_between", {check->inputargs[1], id, check->inputargs[2]}, &Bool);
    b.append(check, c);
    b.return_(check, in);
    LowLevelOps n = b.ops();
    b.return_(no, n.constant(false, &Bool));
    return b.take();
  });
  return llops.call_graph(g, {llops.cast_pointer(x, objp), llops.constant(ci.id_min, &Signed),
                              llops.constant(ci.id_max, &Signed)});
}

Value* rtype_issubtype(Hop& hop) {
  auto* cr = dynamic_cast<ClassRepr*>(hop.args_r[0]);
  if (!cr) hop.unsupported();
  auto defs = classes_of(hop, 1);
  hop.exception_cannot_occur();
  return hop.rtyper.classes().vtable_isinstance(hop.llops, hop.arg(0), defs[0]);
}

Value* rtype_type(Hop& hop) {
  auto* ir = dynamic_cast<InstanceRepr*>(hop.args_r[0]);
  if (!ir) hop.unsupported();
  hop.exception_cannot_occur();
  Value* t = hop.rtyper.classes().typeptr(hop.llops, hop.arg(0));
  return hop.llops.convert(t, hop.rtyper.classes().class_repr(nullptr), hop.r_result);
}

Value* rtype_newlist(Hop& hop) {
  auto* lr = dynamic_cast<ListRepr*>(hop.r_result);
  if (!lr) hop.unsupported();
  std::vector<Value*> items;
  for (size_t i = 0; i < hop.nargs(); ++i) items.push_back(hop.arg(i, lr->item_repr()));
  hop.exception_cannot_occur();
  return lr->new_list(hop.llops, items);
}

Value* rtype_ord(Hop& hop) {
  hop.exception_cannot_occur();
  if (hop.args_r[0]->kind() == ReprKind::Char)
    return hop.llops.genop("cast_unichar_to_int", {hop.arg(0)}, &Signed);
  hop.unsupported();
}

// hex(n) / oct(n) (flow operations): format(n, "#x") / format(n, "#o") (bin(n): rbuiltin.cc).
Value* rtype_int_text(Hop& hop) {
  const char* spec = hop.op.opname == "hex" ? "#x" : "#o";
  Value* n = hop.arg(0, hop.rtyper.getrepr(annotator::s_int()));
  hop.exception_cannot_occur();  // a valid constant spec: format_int does not raise
  return hop.llops.call_helper("format_int", {n, str_constant(hop.llops, spec)});
}

Value* rtype_id(Hop& hop) {
  hop.exception_cannot_occur();
  return hop.llops.genop("gc_id", {hop.arg(0)}, &Signed);
}

const std::map<std::string, Handler>& handlers() {
  static const std::map<std::string, Handler> table = [] {
    std::map<std::string, Handler> t;
    for (const char* op : {"add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow", "lshift", "rshift",
                           "and_", "or_", "xor", "add_ovf", "sub_ovf", "mul_ovf", "floordiv_ovf", "mod_ovf",
                           "lshift_ovf", "inplace_add", "inplace_sub", "inplace_mul", "inplace_truediv",
                           "inplace_floordiv", "inplace_mod", "inplace_pow", "inplace_lshift", "inplace_rshift",
                           "inplace_and", "inplace_or", "inplace_xor"})
      t[op] = rtype_binary;
    for (const char* op : {"lt", "le", "eq", "ne", "gt", "ge", "is_"}) t[op] = rtype_compare;
    for (const char* op : {"neg", "pos", "abs", "invert", "neg_ovf", "abs_ovf"}) t[op] = rtype_number_unary;
    t["bool"] = rtype_is_true;
    t["len"] = rtype_len;
    t["getitem"] = rtype_getitem;
    t["setitem"] = rtype_setitem;
    t["delitem"] = rtype_delitem;
    t["contains"] = rtype_contains;
    t["getslice"] = rtype_getslice;
    t["setslice"] = rtype_setslice;
    t["delslice"] = rtype_delslice;
    t["newtuple"] = rtype_newtuple;
    t["newlist"] = rtype_newlist;
    t["newdict"] = rtype_newdict;
    t["newslice"] = rtype_newslice;
    t["simple_call"] = rtype_call;
    t["call_args"] = rtype_call;
    t["getattr"] = rtype_getattr;
    t["setattr"] = rtype_setattr;
    t["isinstance"] = rtype_isinstance;
    t["issubtype"] = rtype_issubtype;
    t["type"] = rtype_type;
    t["str"] = rtype_str;
    t["repr"] = rtype_repr;
    t["format"] = rtype_format;
    t["id"] = rtype_id;
    t["hex"] = rtype_int_text;
    t["oct"] = rtype_int_text;
    t["ord"] = rtype_ord;
    t["iter"] = rtype_iter;
    t["next"] = rtype_next;
    return t;
  }();
  return table;
}

// Operations without side effects whose constant result can replace them.
bool foldable(const std::string& name) {
  static const std::set<std::string> extra = {"getattr", "isinstance", "issubtype", "type"};
  if (extra.count(name)) return true;
  const flow::FlowOpInfo* info = flow::find_flow_op(name);
  return info && info->pure() && name != "newtuple";
}

}  // namespace

Value* rtype_operation(Hop& hop) {
  const std::string& name = hop.op.opname;
  if (hop.s_result && hop.s_result->is_constant() && foldable(name)) {
    hop.exception_cannot_occur();
    if (hop.r_result->is_void()) return nullptr;
    return hop.llops.constant(hop.r_result->convert_const(*hop.s_result->constant(), hop.rtyper),
                              hop.r_result->lowleveltype());
  }
  auto it = handlers().find(name);
  if (it == handlers().end()) hop.unsupported();
  return it->second(hop);
}

}  // namespace rpp::rtyper
