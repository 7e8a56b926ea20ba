// Builtin calls and JIT hints (rbuiltin.h).
#include "rtyper/rbuiltin.h"

#include <map>

#include "annotator/annotate_stage.h"
#include "annotator/description.h"
#include "annotator/python_objects.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/lltype/jit_symbolic.h"
#include "rtyper/rclass.h"
#include "rtyper/rdict.h"
#include "rtyper/riter.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rmodules.h"
#include "rtyper/rnumber.h"
#include "rtyper/rpbc.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"
#include "translator/flow/call_shape.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::IntType;
using annotator::SomeKind;
using flow::ConstValue;
using flow::Value;

namespace {

// The arguments of the call after the callee: positional indexes and keyword indexes.
struct CallArguments {
  std::vector<size_t> positional;
  std::vector<std::pair<std::string, size_t>> keywords;
  const size_t* keyword(const std::string& name) const {
    for (const auto& [k, i] : keywords)
      if (k == name) return &i;
    return nullptr;
  }
};

CallArguments call_arguments(Hop& hop) {
  CallArguments a;
  if (hop.op.opname == "simple_call") {
    for (size_t i = 1; i < hop.nargs(); ++i) a.positional.push_back(i);
    return a;
  }
  auto* c = dynamic_cast<flow::Constant*>(hop.op.args[1]);
  auto* p = c ? std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c->value) : nullptr;
  auto* shape = p ? dynamic_cast<const flow::CallShape*>(p->get()) : nullptr;
  if (!shape || shape->star) hop.fail("a call of a builtin with *args is not supported");
  size_t i = 2;
  for (int k = 0; k < shape->positional; ++k) a.positional.push_back(i++);
  for (const std::string& k : shape->keywords) a.keywords.push_back({k, i++});
  return a;
}

Repr* int_repr(RTyper& rtyper, IntType t = IntType::Signed) {
  return rtyper.getrepr(std::make_shared<annotator::SomeInteger>(false, t));
}

Value* constant_result(Hop& hop, const ConstValue& v) {
  if (hop.r_result->is_void()) return nullptr;
  return hop.llops.constant(hop.r_result->convert_const(v, hop.rtyper), hop.r_result->lowleveltype());
}

// min(a, b) / max(a, b) of numbers: a helper graph per type.
Value* min_max(Hop& hop, const CallArguments& a, bool is_min) {
  RTyper& rtyper = hop.rtyper;
  Repr* r = hop.r_result;
  if (a.positional.size() != 2 || (r->kind() != ReprKind::Integer && r->kind() != ReprKind::Float))
    hop.fail(std::string(is_min ? "min" : "max") + "() of two numbers only, for now");
  const LowLevelType* t = r->lowleveltype();
  std::string prefix = r->kind() == ReprKind::Float ? "float_" : static_cast<IntegerRepr*>(r)->prefix();
  std::string name = std::string(is_min ? "ll_min_" : "ll_max_") + t->to_string();
  flow::FunctionGraph* g = rtyper.helpers().get(name, [&] {
    LowLevelGraphBuilder b(rtyper, name, {t, t}, t, hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps ops = b.ops();
    // Python's min keeps the first of equal values; max too (a if not b > a).
    Value* c = ops.genop(prefix + (is_min ? "le" : "ge"), {s->inputargs[0], s->inputargs[1]}, &Bool);
    b.append(s, ops);
    flow::Block* first = b.block({t});
    flow::Block* second = b.block({t});
    b.branch(s, c, first, {s->inputargs[0]}, second, {s->inputargs[1]});
    b.return_(first, first->inputargs[0]);
    b.return_(second, second->inputargs[0]);
    return b.take();
  });
  hop.exception_cannot_occur();
  return hop.llops.call_graph(g, {hop.arg(a.positional[0], r), hop.arg(a.positional[1], r)});
}

// jit_merge_point / can_enter_jit: jit_marker(name, driver, greens..., reds...).
Value* jit_marker(Hop& hop, const annotator::SomeBuiltin& b, const CallArguments& a) {
  RTyper& rtyper = hop.rtyper;
  const annotator::Desc* driver = b.receiver->as<annotator::SomePBC>().descs()[0];
  annotator::JitDriverInfo info = rtyper.context().annotation->python().jitdriver_info(driver);
  LowLevelOps& llops = hop.llops;
  std::vector<Value*> args{llops.void_string(b.name),
                           llops.constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<JitDriverRef>(
                                              info.name.empty() ? driver->name : info.name, driver)),
                                          &Void)};
  std::vector<std::string> names;
  for (const auto& g : info.greens) names.push_back(g.substr(0, g.find('.')));
  for (const auto& r : info.reds) names.push_back(r);
  for (const std::string& n : names) {
    const size_t* i = a.keyword(n);
    if (!i) continue;
    if (hop.args_r[*i]->is_void()) continue;
    args.push_back(hop.arg(*i));
  }
  if (info.autoreds)
    for (const auto& [k, i] : a.keywords)
      if (std::find(names.begin(), names.end(), k) == names.end() && !hop.args_r[i]->is_void()) args.push_back(hop.arg(i));
  hop.exception_cannot_occur();
  llops.genop("jit_marker", std::move(args));
  return nullptr;
}

Value* hint(Hop& hop, Value* v, const std::string& flags) {
  return hop.llops.genop("hint", {v, hop.llops.void_string(flags)}, v->concretetype);
}

// ll_getenv_default(value, default): the value, or the default when the variable is unset (null).
flow::FunctionGraph* getenv_default_graph(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  return rtyper.helpers().get("ll_getenv_default", [&] {
    const LowLevelType* sp = rtyper.getrepr(annotator::s_str())->lowleveltype();
    LowLevelGraphBuilder b(rtyper, "ll_getenv_default", {sp, sp}, sp, hop.op.location);
    flow::Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* set = o.genop("ptr_nonzero", {s->inputargs[0]}, &Bool);
    b.append(s, o);
    flow::Block* yes = b.block({sp});
    flow::Block* no = b.block({sp});
    b.branch(s, set, yes, {s->inputargs[0]}, no, {s->inputargs[1]});
    b.return_(yes, yes->inputargs[0]);
    b.return_(no, no->inputargs[0]);
    return b.take();
  });
}

}  // namespace

Value* rtype_builtin_call(Hop& hop) {
  const auto& b = hop.args_s[0]->as<annotator::SomeBuiltin>();
  const std::string& name = b.name;
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  CallArguments a = call_arguments(hop);
  auto arg = [&](size_t k) -> size_t {
    if (k >= a.positional.size()) hop.fail(name + "() is missing an argument");
    return a.positional[k];
  };
  if (name == "print") return rtype_print(hop);
  if (hop.args_r[0]->kind() == ReprKind::BuiltinMethod) {
    auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
    // A method's name is the bare method name ("sort"); its receiver says whose.
    if (name == "sort" && bm->receiver()->kind() == ReprKind::List) {
      if (!a.positional.empty() || a.keywords.size() > (a.keyword("reverse") ? 1u : 0u))
        hop.fail("list.sort() takes only reverse= here");
      return rtype_list_sort(hop, hop.arg(0, bm), static_cast<ListRepr*>(bm->receiver()), a.keyword("reverse"));
    }
    if (name == "format" && bm->receiver()->kind() == ReprKind::Str) return rtype_str_format(hop, a.positional, a.keywords);
    if (!a.keywords.empty()) hop.fail(name + "() with keyword arguments is not supported");
    size_t dot = name.find('.');
    std::string method = name.substr(dot + 1);
    Repr* receiver = static_cast<BuiltinMethodRepr*>(hop.args_r[0])->receiver();
    if (receiver->kind() == ReprKind::List) return rtype_list_method(hop, method, a.positional);
    if (receiver->kind() == ReprKind::Str || receiver->kind() == ReprKind::Char)
      return rtype_str_method(hop, method, a.positional);
    if (receiver->kind() == ReprKind::Dict) return rtype_dict_method(hop, method, a.positional);
    if (receiver->kind() == ReprKind::Bytes) return rtype_bytes_method(hop, method, a.positional);
    if (receiver->kind() == ReprKind::Builder) return rtype_builder_method(hop, method, a.positional);
    hop.fail("the method " + name + "() has no low-level implementation yet");
  }
  // Functions with effects come before the constant-result shortcut: a call whose result is the
  // constant None still runs.
  // ---- math, time, sys, os.isatty ----
  if (is_module_function(name)) {
    if (!a.keywords.empty()) hop.fail(name + "() with keyword arguments is not supported");
    return rtype_module_function(hop, name, a.positional);
  }
  if (name == "list" || name == "dict") {
    if (!a.keywords.empty()) hop.fail(name + "() with keyword arguments is not supported");
    return name == "list" ? rtype_list_call(hop, a.positional) : rtype_dict_call(hop, a.positional);
  }
  if (name == "bytes.fromhex") {
    if (!a.keywords.empty()) hop.fail(name + "() with keyword arguments is not supported");
    return rtype_bytes_fromhex(hop, a.positional);
  }
  // ---- os ----
  if (name == "os.getenv" || name == "os.environ.get") {
    // $os_getenv (null when unset), then the default when one is given.
    if (!a.keywords.empty()) hop.fail(name + "() with keyword arguments is not supported");
    Repr* rs = rtyper.getrepr(annotator::s_str());
    Value* key = hop.arg(a.positional[0], rs);
    bool with_default = a.positional.size() == 2 && !hop.args_r[a.positional[1]]->is_void();
    Value* otherwise = with_default ? hop.arg(a.positional[1], rs) : nullptr;
    hop.exception_is_here();
    Value* v = llops.call_helper("os_getenv", {key});
    if (!otherwise) return v;
    return llops.call_graph(getenv_default_graph(hop), {v, otherwise});
  }
  if (name == "os.write" || name == "os.read" || name == "os.open" || name == "os.close" || name == "os.lseek") {
    std::string helper = "os_" + name.substr(3);
    auto* fn = pointee<FuncType>(llops.helper_constant(helper)->concretetype);
    bool default_mode = name == "os.open" && a.positional.size() == 2;  // mode 0o777, as CPython
    if ((a.positional.size() != fn->args().size() && !default_mode) || !a.keywords.empty())
      hop.fail(name + "() takes " + std::to_string(fn->args().size()) + " positional arguments here");
    std::vector<Value*> args;
    for (size_t k = 0; k < a.positional.size(); ++k) {
      const LowLevelType* want = fn->args()[k];
      Repr* r = want == &Signed ? int_repr(rtyper)
                : pointee<Struct>(want) == rtyper.runtime_types().str ? rtyper.getrepr(annotator::s_str())
                                                                       : rtyper.getrepr(annotator::s_bytes());
      args.push_back(hop.arg(a.positional[k], r));
    }
    if (default_mode) args.push_back(llops.signed_constant(0777));
    hop.exception_is_here();
    Value* v = llops.call_helper(helper, args);
    if (hop.r_result->is_void()) return nullptr;
    return v;
  }
  if (hop.s_result && hop.s_result->is_constant() && name != "jit_merge_point" && name != "can_enter_jit" &&
      name != "debug.debug_print" && name != "debug.ll_assert" && name != "debug.fatalerror") {
    hop.exception_cannot_occur();
    return constant_result(hop, *hop.s_result->constant());
  }
  // ---- conversions ----
  if (name == "int" || name == "rarithmetic.intmask" || name == "rarithmetic.r_int" || name == "rarithmetic.widen" ||
      name == "rarithmetic.r_uint" || name == "rarithmetic.longlongmask" || name == "float" || name == "bool" ||
      name == "rarithmetic.ovfcheck" || name == "rarithmetic.ovfcheck_float_to_int") {
    if (name == "int" && a.positional.size() == 2 && hop.args_r[arg(0)]->kind() == ReprKind::Str) {
      Value* s = hop.arg(arg(0));
      Value* base = hop.arg(arg(1), int_repr(rtyper));
      hop.exception_is_here();
      return llops.call_helper("str_to_int", {s, base});
    }
    if (a.positional.size() != 1) hop.fail(name + "() takes one argument here");
    size_t i = arg(0);
    Repr* from = hop.args_r[i];
    if ((name == "int" || name == "float") && (from->kind() == ReprKind::Str || from->kind() == ReprKind::Char)) {
      Value* s = hop.arg(i, rtyper.getrepr(annotator::s_str()));
      hop.exception_is_here();
      if (name == "int") return llops.call_helper("str_to_int", {s, llops.constant(int64_t(10), &Signed)});
      return llops.call_helper("str_to_float", {s});
    }
    if (name == "bool") {
      hop.exception_cannot_occur();
      return truth_value(hop, hop.arg(i), from, hop.args_s[i]);
    }
    if ((name == "int" || name == "rarithmetic.ovfcheck_float_to_int") && from->kind() == ReprKind::Float) {
      hop.exception_is_here();
      Value* r = llops.genop("cast_float_to_int_ovf", {hop.arg(i)}, &Signed);
      return r;
    }
    hop.exception_cannot_occur();
    return hop.arg(i, hop.r_result);
  }
  if (name == "str") {
    hop.exception_cannot_occur();
    size_t i = arg(0);
    return to_str(hop, hop.arg(i), hop.args_r[i], hop.args_s[i]);
  }
  if (name == "chr") {
    hop.exception_cannot_occur();
    return llops.genop("cast_int_to_unichar", {hop.arg(arg(0), int_repr(rtyper))}, &UniChar);
  }
  if ((name == "min" || name == "max") && a.positional.size() == 1 && a.keywords.empty() &&
      hop.args_r[a.positional[0]]->kind() == ReprKind::List)
    return rtype_list_min_max(hop, a.positional[0], name == "min");
  if (name == "min" || name == "max") return min_max(hop, a, name == "min");
  if (name == "objectmodel.r_dict" || name == "objectmodel.r_ordereddict") return rtype_new_r_dict(hop);
  if (name == "sorted") {
    if (a.positional.size() != 1 || a.keywords.size() > (a.keyword("reverse") ? 1u : 0u))
      hop.fail("sorted() takes one list and only reverse= here");
    return rtype_sorted(hop, a.positional[0], a.keyword("reverse"));
  }
  if (name == "bin" || name == "hex" || name == "oct") {  // format(n, "#b")...
    Value* n = hop.arg(arg(0), int_repr(rtyper));
    hop.exception_cannot_occur();  // a valid constant spec: format_int does not raise
    return llops.call_helper("format_int", {n, str_constant(llops, "#" + std::string(1, name[0] == 'h' ? 'x' : name[0]))});
  }
  if (name == "any" || name == "all") {
    if (a.positional.size() != 1 || !a.keywords.empty()) hop.fail(name + "() takes one argument");
    return rtype_list_any_all(hop, a.positional[0], name == "any");
  }
  if (name == "sum") {
    if (a.positional.empty() || a.positional.size() > 2 || !a.keywords.empty()) hop.fail("sum() takes 1 or 2 arguments");
    return rtype_list_sum(hop, a.positional[0], a.positional.size() == 2 ? &a.positional[1] : nullptr);
  }
  if (name == "rstring.StringBuilder" || name == "rstring.UnicodeBuilder" || name == "rstring.BytesBuilder")
    return rtype_new_builder(hop, name == "rstring.BytesBuilder", a.positional);
  if (name == "zip") {
    auto* r = dynamic_cast<IteratorRepr*>(hop.r_result);
    auto* tr = r ? dynamic_cast<TupleRepr*>(r->container()) : nullptr;
    if (!tr || tr->items().size() != a.positional.size() || !a.keywords.empty()) hop.fail("zip() of these arguments is not supported");
    std::vector<Value*> seqs;
    for (size_t k = 0; k < a.positional.size(); ++k) seqs.push_back(hop.arg(a.positional[k], tr->items()[k]));
    hop.exception_cannot_occur();
    return new_sequence_iterator(llops, r, tr->make(llops, seqs));
  }
  if (name == "enumerate" || name == "reversed") {
    if (a.positional.size() != 1 || !a.keywords.empty()) hop.fail(name + "() takes one argument here");
    return rtype_enumerate_reversed(hop, a.positional[0]);
  }
  if (name == "range") {
    if (a.positional.empty() || !a.keywords.empty()) hop.fail("range() takes 1 to 3 positional arguments");
    return rtype_range(hop, a.positional[0]);
  }
  if (name == "rarithmetic.is_valid_int") {
    hop.exception_cannot_occur();
    return llops.constant(true, &Bool);
  }
  // ---- objectmodel ----
  if (name == "objectmodel.likely" || name == "objectmodel.unlikely") {
    hop.exception_cannot_occur();
    Value* c = hop.arg(arg(0), rtyper.getrepr(annotator::s_bool()));
    return llops.genop(name.substr(12), {c}, &Bool);
  }
  if (name == "objectmodel.keepalive_until_here") {
    hop.exception_cannot_occur();
    for (size_t i : a.positional)
      if (!hop.args_r[i]->is_void()) llops.genop("keepalive", {hop.arg(i)});
    return nullptr;
  }
  if (name == "objectmodel.compute_identity_hash" || name == "objectmodel.compute_unique_id" ||
      name == "objectmodel.current_object_addr_as_int") {
    hop.exception_cannot_occur();
    Value* p = hop.arg(arg(0));
    if (name == "objectmodel.current_object_addr_as_int") return llops.genop("cast_ptr_to_int", {p}, &Signed);
    return llops.genop(name == "objectmodel.compute_unique_id" ? "gc_id" : "gc_identityhash", {p}, &Signed);
  }
  if (name == "objectmodel.instantiate") {
    size_t i = arg(0);
    Repr* r = hop.args_r[i];
    if (auto* v = dynamic_cast<VoidRepr*>(r)) {
      const annotator::ClassDef* def = v->value() ? rtyper.classes().classdef_of(*v->value()) : nullptr;
      if (!def) hop.fail("instantiate() of something that is not a class");
      hop.exception_cannot_occur();
      Value* p = rtyper.classes().new_instance(llops, def);
      return llops.convert(p, rtyper.classes().instance_repr(def), hop.r_result);
    }
    hop.fail("instantiate() of a class known only at run time is not supported yet");
  }
  // ---- debug ----
  if (name == "debug.debug_print") {
    // debug_print(*args) gets its arguments as one tuple (the flow stage packs a callee's *args).
    // One line, str() of each item joined by spaces, goes to a helper that flushes stdout first
    // (so it interleaves as untranslated) and cannot raise.
    hop.exception_cannot_occur();
    if (a.positional.size() != 1 || hop.args_r[a.positional[0]]->kind() != ReprKind::Tuple)
      hop.fail("debug_print() expects its arguments packed as a tuple");
    size_t t = a.positional[0];
    auto* tuple_r = static_cast<TupleRepr*>(hop.args_r[t]);
    const auto& items_s = hop.args_s[t]->as<annotator::SomeTuple>().items;
    Value* tuple = hop.arg(t);
    std::vector<TextPart> parts;
    for (size_t i = 0; i < tuple_r->items().size(); ++i)
      parts.push_back({tuple_r->item(llops, tuple, i), tuple_r->items()[i], items_s[i]});
    Value* line = join_str_of(hop, parts, " ", "debug_print");
    llops.call_helper("debug_print_line", {line ? line : str_constant(llops, "")});
    return nullptr;
  }
  if (name == "debug.debug_start" || name == "debug.debug_stop") {
    hop.exception_cannot_occur();
    const ConstValue* c = hop.constant_arg(arg(0));
    const std::string* cat = c ? std::get_if<std::string>(c) : nullptr;
    if (!cat) hop.fail(name + "() takes a constant category");
    llops.genop(name.substr(6), {llops.void_string(*cat)});
    return nullptr;
  }
  if (name == "debug.ll_assert") {
    hop.exception_cannot_occur();
    Value* c = hop.arg(arg(0), rtyper.getrepr(annotator::s_bool()));
    std::string msg;
    if (a.positional.size() > 1)
      if (const ConstValue* m = hop.constant_arg(a.positional[1]))
        if (auto* s = std::get_if<std::string>(m)) msg = *s;
    llops.genop("debug_assert", {c, llops.void_string(msg)});
    return nullptr;
  }
  if (name == "debug.fatalerror" || name == "debug.fatalerror_notb") {
    hop.exception_cannot_occur();
    llops.genop("debug_fatalerror", {hop.arg(arg(0), rtyper.getrepr(annotator::s_str()))});
    return nullptr;
  }
  if (name == "debug.debug_flush" || name == "debug.make_sure_not_resized" || name == "debug.mark_dict_non_null" ||
      name == "debug.check_nonneg" || name == "debug.check_regular_int" || name == "debug.check_list_of_chars" ||
      name == "debug.check_annotation" || name == "debug.attach_gdb" || name == "jit.set_param" ||
      name == "jit.set_user_param" || name == "jit.set_param_to_default" || name == "jit.assert_green" ||
      name == "jit.jit_debug" || name == "loop_header") {
    hop.exception_cannot_occur();
    return nullptr;
  }
  // ---- JIT hints ----
  if (name == "jit_merge_point" || name == "can_enter_jit") return jit_marker(hop, b, a);
  if (name == "jit.we_are_jitted") {
    hop.exception_cannot_occur();
    return llops.constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<WeAreJitted>()), &Bool);
  }
  if (name == "jit.promote" || name == "jit.promote_string" || name == "jit.promote_unicode") {
    hop.exception_cannot_occur();
    size_t i = arg(0);
    if (hop.args_r[i]->is_void()) return nullptr;
    Value* v = hop.arg(i, hop.r_result);
    return hint(hop, v, name.substr(4));
  }
  if (name == "jit.hint") {
    hop.exception_cannot_occur();
    size_t i = arg(0);
    std::string flags;
    for (const auto& [k, idx] : a.keywords) {
      const ConstValue* c = hop.constant_arg(idx);
      bool on = c && std::holds_alternative<bool>(*c) && std::get<bool>(*c);
      if (on) flags += (flags.empty() ? "" : ",") + k;
    }
    if (hop.args_r[i]->is_void() || hop.r_result->is_void()) return nullptr;
    return hint(hop, hop.arg(i, hop.r_result), flags);
  }
  if (name == "jit.isconstant") {
    hop.exception_cannot_occur();
    return llops.constant(false, &Bool);
  }
  if (name == "jit.isvirtual") {
    hop.exception_cannot_occur();
    return llops.genop("jit_is_virtual", {hop.arg(arg(0))}, &Bool);
  }
  if (name == "jit.record_exact_class") {
    hop.exception_cannot_occur();
    Value* x = hop.arg(arg(0));
    Value* cls = hop.arg(arg(1), rtyper.classes().class_repr(nullptr));
    llops.genop("jit_record_exact_class", {x, cls});
    return nullptr;
  }
  if (name == "jit.enter_portal_frame") {
    hop.exception_cannot_occur();
    llops.genop("jit_enter_portal_frame", {hop.arg(arg(0), int_repr(rtyper))});
    return nullptr;
  }
  if (name == "jit.leave_portal_frame") {
    hop.exception_cannot_occur();
    llops.genop("jit_leave_portal_frame", {});
    return nullptr;
  }
  if (name == "jit.current_trace_length") {
    hop.exception_cannot_occur();
    return llops.constant(int64_t(-1), &Signed);
  }
  hop.fail("the builtin " + name + "() has no low-level implementation yet");
}

}  // namespace rpp::rtyper
