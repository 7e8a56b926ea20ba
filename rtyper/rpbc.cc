// Prebuilt constants and calls (rpbc.h).
#include "rtyper/rpbc.h"

#include <algorithm>

#include "annotator/bookkeeper.h"
#include "annotator/call_family.h"
#include "rtyper/lltype/static_data.h"
#include "annotator/annotate_stage.h"
#include "annotator/python_objects.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rstr.h"
#include "rtyper/rsystem_exit.h"
#include "rtyper/specialize_graph.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"
#include "translator/flow/call_shape.h"
#include "translator/ll/ll_constants.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::ClassDef;
using annotator::Desc;
using annotator::DescKind;
using annotator::SomeKind;
using flow::ConstValue;
using flow::Value;

flow::FunctionGraph* default_graph(const annotator::FunctionDesc& func) {
  auto it = func.graphs.find("");
  if (it != func.graphs.end()) return it->second;
  if (func.graphs.size() == 1) return func.graphs.begin()->second;
  return nullptr;
}

namespace {

std::string desc_names(const std::vector<const Desc*>& descs) {
  std::string s;
  for (const Desc* d : descs) s += (s.empty() ? "" : ", ") + d->name;
  return s;
}

const ClassDef* common_base(const std::vector<const ClassDef*>& defs) {
  const ClassDef* base = nullptr;
  for (const ClassDef* d : defs) base = base ? base->commonbase(d) : d;
  return base;
}

// The graph the call site at the hop runs for `desc`, else its default graph.
flow::FunctionGraph* callee_graph(Hop& hop, const Desc* desc) {
  const annotator::CallSite* site =
      hop.rtyper.bookkeeper().call_families().site_at(&hop.block, int(hop.index));
  if (site)
    for (const auto& [d, g] : site->callees)
      if (d == desc && g) return g;
  const annotator::FunctionDesc* f = nullptr;
  if (desc->kind == DescKind::Function) f = &desc->as<annotator::FunctionDesc>();
  else if (desc->kind == DescKind::Method) f = desc->as<annotator::MethodDesc>().func;
  else if (desc->kind == DescKind::MethodOfFrozen) f = desc->as<annotator::MethodOfFrozenDesc>().func;
  return f ? default_graph(*f) : nullptr;
}

std::vector<flow::FunctionGraph*> site_graphs(Hop& hop) {
  std::vector<flow::FunctionGraph*> out;
  const annotator::CallSite* site =
      hop.rtyper.bookkeeper().call_families().site_at(&hop.block, int(hop.index));
  if (site)
    for (const auto& [d, g] : site->callees)
      if (g && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  return out;
}

// The parameter reprs of a graph (its start block's annotations, after normalize_calls).
std::vector<Repr*> param_reprs(RTyper& rtyper, flow::FunctionGraph* g) {
  std::vector<Repr*> out;
  for (flow::Variable* v : g->startblock->inputargs) out.push_back(rtyper.getrepr(v->annotation));
  return out;
}

Repr* result_repr(RTyper& rtyper, flow::FunctionGraph* g) {
  return rtyper.getrepr(g->returnblock->inputargs[0]->annotation);
}

// The index of the first argument after the callee (and, for call_args, its shape). Keywords
// reach the rtyper only for callees that are not constant (the flow stage places them for
// known functions): calls through a function pointer and of several methods place them here
// (converted_args), other callees reject them.
size_t first_call_arg(Hop& hop, bool keywords_supported) {
  if (hop.op.opname == "simple_call") return 1;
  if (keywords_supported) return 2;
  hop.fail("calls with keywords or *args of a callee that is not a constant function are not supported yet");
}

// The call shape of a call_args operation.
const flow::CallShape& call_shape(Hop& hop) {
  const flow::ConstValue* c = hop.constant_arg(1);
  auto* p = c ? std::get_if<std::shared_ptr<const flow::ConstPayload>>(c) : nullptr;
  auto* shape = p ? dynamic_cast<const flow::CallShape*>(p->get()) : nullptr;
  if (!shape) hop.fail("internal error: call_args without a call shape");
  return *shape;
}

// The parameter names every function of `callees` shares, else null.
const std::vector<std::string>* common_param_names(const std::vector<const annotator::FunctionDesc*>& callees) {
  if (callees.empty()) return nullptr;
  for (const annotator::FunctionDesc* f : callees)
    if (f->signature.params != callees[0]->signature.params || f->signature.star_args ||
        !f->signature.kwonly.empty())
      return nullptr;
  return &callees[0]->signature.params;
}

// Arguments [first, end) converted to `reprs` (from index `skip` of reprs); missing trailing
// arguments are the function's default values (`sig`, when known), as constants. `callees`: the
// functions a call through a pointer or of several methods may reach (for the error when their
// defaults differ).
std::vector<Value*> converted_args(Hop& hop, size_t first, const std::vector<Repr*>& reprs, size_t skip,
                                   const annotator::Signature* sig = nullptr,
                                   const std::vector<const annotator::FunctionDesc*>* callees = nullptr) {
  if (hop.op.opname == "call_args") {
    // Keywords (Python's rules over the parameter names the callees share): each parameter
    // from a positional argument, a keyword, or the common default.
    const flow::CallShape& shape = call_shape(hop);
    const std::vector<std::string>* names = callees ? common_param_names(*callees) : nullptr;
    if (shape.star) hop.fail("calls with *args of a callee that is not a constant function are not supported yet");
    if (!names || names->size() != reprs.size())
      hop.fail("a call with keywords of functions whose parameters differ (pass the arguments by position)");
    size_t positional = size_t(shape.positional);
    if (positional + skip > reprs.size())
      hop.fail("the call passes " + std::to_string(positional) + " arguments to a function taking " +
               std::to_string(reprs.size() - skip));
    std::vector<Value*> out;
    for (size_t i = skip; i < reprs.size(); ++i) {
      const std::string& name = (*names)[i];
      if (i - skip < positional) {
        for (const auto& k : shape.keywords)
          if (k == name) hop.fail("the call gives the argument '" + name + "' twice");
        out.push_back(hop.arg(first + (i - skip), reprs[i]));
        continue;
      }
      auto k = std::find(shape.keywords.begin(), shape.keywords.end(), name);
      if (k != shape.keywords.end()) {
        out.push_back(hop.arg(first + positional + size_t(k - shape.keywords.begin()), reprs[i]));
        continue;
      }
      size_t from_end = reprs.size() - i;
      if (!sig || from_end > sig->defaults.size()) {
        if (callees->size() > 1 && !sig)
          hop.fail("the call leaves the argument '" + name + "' to its default value, but the functions it may "
                   "reach differ in their parameters or default values: pass every argument");
        hop.fail("the call gives no value to the parameter '" + name + "'");
      }
      const flow::ConstValue& d = sig->defaults[sig->defaults.size() - from_end];
      out.push_back(hop.llops.constant(reprs[i]->convert_const(d, hop.rtyper), reprs[i]->lowleveltype()));
    }
    for (const auto& k : shape.keywords)
      if (std::find(names->begin() + skip, names->end(), k) == names->end())
        hop.fail("the call passes an unexpected keyword argument '" + k + "'");
    return out;
  }
  size_t n = hop.nargs() - first;
  size_t missing = n + skip < reprs.size() ? reprs.size() - n - skip : 0;
  bool defaults_cover = sig && sig->params.size() == reprs.size() && missing <= sig->defaults.size();
  if (missing && !sig && callees && callees->size() > 1) {
    std::string names;
    for (const annotator::FunctionDesc* f : *callees) names += (names.empty() ? "" : ", ") + f->name;
    hop.fail("the call leaves " + std::to_string(missing) + " argument(s) to default values, but the functions it "
             "may reach (" + names + ") differ in their parameters or default values: pass every argument");
  }
  if (n + skip > reprs.size() || (missing && !defaults_cover))
    hop.fail("the call passes " + std::to_string(n) + " arguments to a function taking " +
             std::to_string(reprs.size() - skip));
  std::vector<Value*> out;
  for (size_t i = 0; i < n; ++i) out.push_back(hop.arg(first + i, reprs[skip + i]));
  for (size_t i = skip + n; i < reprs.size(); ++i) {
    const flow::ConstValue& d = sig->defaults[sig->defaults.size() - (reprs.size() - i)];
    out.push_back(hop.llops.constant(reprs[i]->convert_const(d, hop.rtyper), reprs[i]->lowleveltype()));
  }
  return out;
}

// The signature whose defaults fill a call of any of `funcs` (several: only when they all have
// the same parameters and default values), else null.
const annotator::Signature* common_signature(const std::vector<const annotator::FunctionDesc*>& funcs) {
  if (funcs.empty()) return nullptr;
  const annotator::Signature* sig = &funcs[0]->signature;
  for (const annotator::FunctionDesc* f : funcs) {
    const annotator::Signature& other = f->signature;
    if (other.params.size() != sig->params.size() || other.defaults.size() != sig->defaults.size()) return nullptr;
    for (size_t i = 0; i < sig->defaults.size(); ++i)
      if (!flow::const_value_equal(other.defaults[i], sig->defaults[i])) return nullptr;
  }
  return sig;
}

Value* finish_call(Hop& hop, Value* result, Repr* from) {
  if (hop.r_result->is_void() || from->is_void()) return nullptr;
  return hop.llops.convert(result, from, hop.r_result);
}

Value* direct_call(Hop& hop, flow::FunctionGraph* g, std::vector<Value*> args) {
  hop.exception_is_here();
  Value* r = hop.llops.call_graph(g, std::move(args));
  return finish_call(hop, r, result_repr(hop.rtyper, g));
}

// A specialize.memo function: its results were computed at translation time, for every
// combination of its (prebuilt constant) arguments; the call looks its argument up.
Value* call_memo(Hop& hop, const annotator::FunctionDesc& func, size_t first) {
  RTyper& rtyper = hop.rtyper;
  if (hop.s_result && hop.s_result->is_constant()) {
    hop.exception_cannot_occur();
    if (hop.r_result->is_void()) return nullptr;
    return hop.llops.constant(hop.r_result->convert_const(*hop.s_result->constant(), rtyper), hop.r_result->lowleveltype());
  }
  const auto& tables = rtyper.context().annotation->python().memo_tables();
  auto it = tables.find(&func);
  if (it == tables.end() || hop.nargs() - first != 1)
    hop.fail(func.name + "(): a specialize.memo function of one argument is supported, for now");
  Repr* ra = hop.args_r[first];
  Repr* rr = hop.r_result;
  if (!as<Ptr>(ra->lowleveltype())) hop.fail(func.name + "(): a memo argument that is not a pointer");
  std::string name = "ll_memo_" + ll_name(func.name);
  flow::FunctionGraph* g = rtyper.helpers().get(name, [&] {
    LowLevelGraphBuilder b(rtyper, name, {ra->lowleveltype()}, rr->lowleveltype(), hop.op.location);
    flow::Block* current = b.start();
    Value* arg = current->inputargs[0];
    for (const auto& [args, result] : it->second.rows) {
      LowLevelOps ops = b.ops();
      Value* key = ops.constant(ra->convert_const(args[0], rtyper), ra->lowleveltype());
      Value* same = ops.genop("ptr_eq", {arg, key}, &Bool);
      b.append(current, ops);
      flow::Block* hit = b.block({});
      flow::Block* next = b.block({ra->lowleveltype()});
      b.branch(current, same, hit, {}, next, {arg});
      LowLevelOps h = b.ops();
      b.return_(hit, h.constant(rr->convert_const(result, rtyper), rr->lowleveltype()));
      current = next;
      arg = next->inputargs[0];
    }
    LowLevelOps f = b.ops();
    f.genop("debug_fatalerror", {str_constant(f, func.name + "(): an argument the memo table does not have")});
    b.append(current, f);
    LowLevelOps z = b.ops();
    b.return_(current, z.constant(zero_value(rr->lowleveltype()), rr->lowleveltype()));
    return b.take();
  });
  hop.exception_cannot_occur();
  return hop.llops.call_graph(g, {hop.arg(first)});
}

Value* call_function_desc(Hop& hop, const Desc* desc, size_t first) {
  if (desc->kind == DescKind::Function && desc->as<annotator::FunctionDesc>().specialize_tag == "specialize:memo")
    return call_memo(hop, desc->as<annotator::FunctionDesc>(), first);
  flow::FunctionGraph* g = callee_graph(hop, desc);
  if (!g) hop.fail("no graph for the call of " + desc->name);
  std::vector<Repr*> params = param_reprs(hop.rtyper, g);
  const annotator::FunctionDesc* f = desc->kind == DescKind::Function ? &desc->as<annotator::FunctionDesc>() : nullptr;
  return direct_call(hop, g, converted_args(hop, first, params, 0, f ? &f->signature : nullptr));
}

}  // namespace

// ------------------------------------------------------------------------------------ reprs

FunctionPointerRepr::FunctionPointerRepr(std::vector<const Desc*> descs, const LowLevelType* type)
    : Repr(ReprKind::Function, type, "FunctionPointerRepr(" + desc_names(descs) + ")"), descs_(std::move(descs)) {}

ConstValue FunctionPointerRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (auto* ref = std::get_if<flow::PyObjectRef>(&value)) {
    Desc* d = rtyper.bookkeeper().desc_for(*ref);
    if (d && d->kind == DescKind::Function)
      if (flow::FunctionGraph* g = default_graph(d->as<annotator::FunctionDesc>())) return flow::GraphRef{g};
  }
  return Repr::convert_const(value, rtyper);
}

MethodsRepr::MethodsRepr(std::vector<const Desc*> descs, Repr* receiver)
    : Repr(ReprKind::Method, receiver->lowleveltype(), "MethodsRepr(" + desc_names(descs) + ")"),
      descs_(std::move(descs)),
      receiver_(receiver) {}

std::unique_ptr<Repr> make_pbc_repr(RTyper& rtyper, const annotator::SomePBC& pbc) {
  const auto& descs = pbc.descs();
  if (descs.empty()) return std::make_unique<VoidRepr>(ConstValue(flow::NoneValue{}), "NoneRepr");
  DescKind kind = descs[0]->kind;
  for (const Desc* d : descs)
    if (d->kind != kind) throw RTypeFailure("a mix of " + desc_names(descs) + " has no low-level representation");
  bool single = descs.size() == 1 && !pbc.can_be_none();
  if (single && kind != DescKind::Method && descs[0]->pyobj)
    return std::make_unique<VoidRepr>(ConstValue(*descs[0]->pyobj), "VoidRepr(" + descs[0]->name + ")");
  switch (kind) {
    case DescKind::Function: {
      flow::FunctionGraph* g = nullptr;
      for (const Desc* d : descs)
        if ((g = default_graph(d->as<annotator::FunctionDesc>()))) break;
      if (!g) return std::make_unique<VoidRepr>(std::nullopt, "VoidRepr(never called)");
      return std::make_unique<FunctionPointerRepr>(descs, rtyper.types().ptr(rtyper.graph_type(g)));
    }
    case DescKind::Method: {
      std::vector<const ClassDef*> selfs;
      for (const Desc* d : descs) {
        const auto& m = d->as<annotator::MethodDesc>();
        if (!m.selfclassdef) throw RTypeFailure("the unbound method " + m.name + " has no low-level representation");
        selfs.push_back(m.selfclassdef);
      }
      const ClassDef* base = common_base(selfs);
      if (!base) throw RTypeFailure("the methods " + desc_names(descs) + " have no common receiver class");
      return std::make_unique<MethodsRepr>(descs, rtyper.classes().instance_repr(base));
    }
    case DescKind::Class: {
      std::vector<const ClassDef*> defs;
      for (const Desc* d : descs) {
        const auto& c = d->as<annotator::ClassDesc>();
        if (c.classdef) defs.push_back(c.classdef);
      }
      const ClassDef* base = common_base(defs);
      return std::make_unique<ClassRepr>(base ? &rtyper.classes().info(base) : nullptr,
                                         rtyper.classes().class_repr(base)->lowleveltype());
    }
    default:
      throw RTypeFailure("several " + std::string(annotator::desc_kind_name(kind, true)) + " (" + desc_names(descs) +
                         ") in one variable have no low-level representation yet");
  }
}

// ------------------------------------------------------------------------------------ calls

Value* instantiate_class(Hop& hop, const ClassDef* classdef, size_t first_arg) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  Value* p = rtyper.classes().new_instance(llops, classdef);
  Value* result = llops.convert(p, rtyper.classes().instance_repr(classdef), hop.r_result);
  const annotator::ClassDesc* where = nullptr;
  const annotator::ClassMember* init = classdef->desc ? classdef->desc->lookup("__init__", &where) : nullptr;
  if (init && init->kind == annotator::ClassMember::Kind::Function) {
    Desc* d = rtyper.bookkeeper().desc_for(init->function());
    if (!d || d->kind != DescKind::Function) hop.fail("the __init__ of " + classdef->name + " is not a function");
    flow::FunctionGraph* g = default_graph(d->as<annotator::FunctionDesc>());
    if (!g) hop.fail("the __init__ of " + classdef->name + " is specialized: calling it is not supported yet");
    std::vector<Repr*> params = param_reprs(rtyper, g);
    if (params.empty()) hop.fail("the __init__ of " + classdef->name + " takes no self");
    std::vector<Value*> args{llops.convert(p, rtyper.classes().instance_repr(classdef), params[0])};
    for (Value* a : converted_args(hop, first_arg, params, 1, &d->as<annotator::FunctionDesc>().signature))
      args.push_back(a);
    hop.exception_is_here();
    llops.call_graph(g, std::move(args));
    return result;
  }
  if (rtyper.bookkeeper().is_system_exit(classdef)) {
    // SystemExit(code) (rsystem_exit.h).
    Value* code = hop.nargs() > first_arg ? hop.arg(first_arg) : nullptr;
    init_system_exit(rtyper, llops, p, classdef, code, code ? hop.args_r[first_arg] : nullptr);
    hop.exception_cannot_occur();
    return result;
  }
  if (rtyper.bookkeeper().is_exception_class(classdef)) {
    // A builtin exception's constructor: the arguments become `args`.
    ClassInfo* owner = nullptr;
    const ClassInfo::Field* f = rtyper.classes().find_field(classdef, "args", &owner, false);
    if (f && hop.nargs() > first_arg) {
      auto* lr = dynamic_cast<ListRepr*>(f->repr);
      if (!lr) hop.fail("the args of " + classdef->name + " are not a list");
      std::vector<Value*> items;
      for (size_t i = first_arg; i < hop.nargs(); ++i) items.push_back(hop.arg(i, lr->item_repr()));
      Value* lst = lr->new_list(llops, items);
      Value* part = llops.cast_pointer(p, rtyper.types().ptr(owner->instance_struct));
      llops.genop("setfield", {part, llops.void_string(f->field), lst});
    }
    hop.exception_cannot_occur();
    return result;
  }
  if (hop.nargs() > first_arg) hop.fail(classdef->name + "() takes no arguments");
  hop.exception_cannot_occur();
  return result;
}

Value* rtype_pbc_call(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  Repr* callee = hop.args_r[0];
  size_t first = first_call_arg(
      hop, dynamic_cast<FunctionPointerRepr*>(callee) || dynamic_cast<MethodsRepr*>(callee));
  if (auto* v = dynamic_cast<VoidRepr*>(callee)) {
    const ConstValue* value = v->value() ? &*v->value() : hop.constant_arg(0);
    auto* ref = value ? std::get_if<flow::PyObjectRef>(value) : nullptr;
    Desc* d = ref ? rtyper.bookkeeper().desc_for(*ref) : nullptr;
    if (!d) hop.unsupported();
    switch (d->kind) {
      case DescKind::Function: return call_function_desc(hop, d, first);
      case DescKind::Class: {
        auto& cd = d->as<annotator::ClassDesc>();
        if (!cd.classdef) hop.fail("the class " + cd.name + " is never instantiated");
        return instantiate_class(hop, cd.classdef, first);
      }
      case DescKind::MethodOfFrozen: {
        flow::FunctionGraph* g = callee_graph(hop, d);
        if (!g) hop.fail("no graph for the call of " + d->name);
        std::vector<Repr*> params = param_reprs(rtyper, g);
        std::vector<Value*> args{hop.llops.constant(flow::NoneValue{}, params[0]->lowleveltype())};
        if (!params[0]->is_void()) hop.fail("a method of a frozen object whose receiver is not constant");
        const annotator::FunctionDesc* f = d->as<annotator::MethodOfFrozenDesc>().func;
        for (Value* a : converted_args(hop, first, params, 1, f ? &f->signature : nullptr)) args.push_back(a);
        return direct_call(hop, g, std::move(args));
      }
      default: hop.unsupported();
    }
  }
  if (auto* fp = dynamic_cast<FunctionPointerRepr*>(callee)) {
    std::vector<flow::FunctionGraph*> graphs = site_graphs(hop);
    if (graphs.empty()) hop.fail("no graph for the call through " + fp->name());
    std::vector<Repr*> params = param_reprs(rtyper, graphs[0]);
    std::vector<Value*> args{hop.arg(0)};
    std::vector<const annotator::FunctionDesc*> funcs;
    for (const Desc* d : fp->descs())
      if (d->kind == DescKind::Function) funcs.push_back(&d->as<annotator::FunctionDesc>());
    for (Value* a : converted_args(hop, first, params, 0, funcs.size() == fp->descs().size() ? common_signature(funcs) : nullptr,
                                   &funcs))
      args.push_back(a);
    args.push_back(hop.llops.constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<ll::GraphSet>(graphs)),
                                      &Void));
    hop.exception_is_here();
    Value* r = hop.llops.genop("indirect_call", std::move(args), rtyper.graph_type(graphs[0])->result());
    return finish_call(hop, r, result_repr(rtyper, graphs[0]));
  }
  if (auto* m = dynamic_cast<MethodsRepr*>(callee)) {
    std::vector<const annotator::FunctionDesc*> funcs;
    for (const Desc* d : m->descs()) {
      auto* f = d->as<annotator::MethodDesc>().func;
      if (std::find(funcs.begin(), funcs.end(), f) == funcs.end()) funcs.push_back(f);
    }
    Value* self = hop.arg(0);
    Repr* self_repr = m->receiver();
    if (m->descs()[0]->as<annotator::MethodDesc>().classmethod) {
      // A classmethod called on an instance: its class is the first argument.
      self = rtyper.classes().typeptr(hop.llops, self);
      self_repr = rtyper.classes().class_repr(nullptr);
    }
    if (funcs.size() == 1) {
      flow::FunctionGraph* g = callee_graph(hop, m->descs()[0]);
      if (!g) hop.fail("no graph for the call of " + m->descs()[0]->name);
      std::vector<Repr*> params = param_reprs(rtyper, g);
      std::vector<Value*> args{hop.llops.convert(self, self_repr, params[0])};
      for (Value* a : converted_args(hop, first, params, 1, common_signature(funcs), &funcs)) args.push_back(a);
      return direct_call(hop, g, std::move(args));
    }
    std::vector<flow::FunctionGraph*> graphs = site_graphs(hop);
    if (graphs.empty()) hop.fail("no graph for the call of " + m->name());
    const auto& m0 = m->descs()[0]->as<annotator::MethodDesc>();
    const ClassDef* static_class = static_cast<InstanceRepr*>(m->receiver())->info()->classdef;
    Value* fn = rtyper.classes().method_pointer(hop.llops, hop.arg(0), static_class, m0.attr_name);
    std::vector<Repr*> params = param_reprs(rtyper, graphs[0]);
    std::vector<Value*> args{fn, hop.llops.convert(self, self_repr, params[0])};
    for (Value* a : converted_args(hop, first, params, 1, common_signature(funcs), &funcs)) args.push_back(a);
    args.push_back(hop.llops.constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<ll::GraphSet>(graphs)),
                                      &Void));
    hop.exception_is_here();
    Value* r = hop.llops.genop("indirect_call", std::move(args), rtyper.graph_type(graphs[0])->result());
    return finish_call(hop, r, result_repr(rtyper, graphs[0]));
  }
  if (auto* c = dynamic_cast<ClassRepr*>(callee)) {
    // cls(): the vtable's instantiate, then the __init__ all those classes share.
    const ClassDef* base = c->info() ? c->info()->classdef : nullptr;
    if (!base) hop.fail("calling a class that is not known at all");
    std::vector<flow::FunctionGraph*> makers;
    const annotator::FunctionDesc* init = nullptr;
    bool first_init = true;
    for (const ClassDef* sub : base->all_subclasses()) {
      if (!sub->instantiated) continue;
      makers.push_back(rtyper.classes().instantiate_graph(sub));
      const annotator::ClassMember* m = sub->desc ? sub->desc->lookup("__init__") : nullptr;
      const annotator::FunctionDesc* f = nullptr;
      if (m && m->kind == annotator::ClassMember::Kind::Function) {
        Desc* d = rtyper.bookkeeper().desc_for(m->function());
        if (d && d->kind == DescKind::Function) f = &d->as<annotator::FunctionDesc>();
      }
      if (first_init) init = f;
      else if (init != f) hop.fail("cls() on classes whose __init__ differ is not supported yet");
      first_init = false;
    }
    if (makers.empty()) hop.fail("cls(): no class below " + base->name + " is ever instantiated");
    LowLevelOps& llops = hop.llops;
    const RuntimeTypes& rt = rtyper.runtime_types();
    Value* vt = llops.cast_pointer(hop.arg(0), rtyper.types().ptr(rt.object_vtable));
    const Ptr* maker_type = rtyper.types().ptr(rtyper.graph_type(makers[0]));
    Value* fn = llops.genop("getfield", {vt, llops.void_string("instantiate")}, maker_type);
    Value* obj = llops.genop("indirect_call", {fn, llops.constant(std::shared_ptr<const flow::ConstPayload>(std::make_shared<ll::GraphSet>(makers)), &Void)},
                             rtyper.types().ptr(rt.object));
    InstanceRepr* base_repr = rtyper.classes().instance_repr(base);
    Value* p = llops.cast_pointer(obj, base_repr->lowleveltype());
    Value* result = llops.convert(p, base_repr, hop.r_result);
    if (init) {
      flow::FunctionGraph* g = default_graph(*init);
      if (!g) hop.fail("the __init__ of " + base->name + " is specialized: cls() is not supported");
      std::vector<Repr*> params = param_reprs(rtyper, g);
      std::vector<Value*> args{llops.convert(p, base_repr, params[0])};
      for (Value* a : converted_args(hop, first, params, 1, &init->signature)) args.push_back(a);
      hop.exception_is_here();
      llops.call_graph(g, std::move(args));
    } else {
      if (hop.nargs() > first) hop.fail("cls() with arguments for classes without __init__");
      hop.exception_cannot_occur();
    }
    return result;
  }
  hop.unsupported();
}

Value* rtype_pbc_getattr(Hop& hop) {
  if (auto* m = dynamic_cast<MethodsRepr*>(hop.r_result)) {
    hop.exception_cannot_occur();
    return hop.llops.convert(hop.arg(0), hop.args_r[0], m->receiver());
  }
  hop.unsupported();
}

}  // namespace rpp::rtyper
