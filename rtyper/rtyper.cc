// The RTyper: reprs of annotations and the order of the work (rtyper.h).
#include "rtyper/rtyper.h"

#include <algorithm>

#include "annotator/annotate_stage.h"
#include "annotator/bookkeeper.h"
#include "annotator/classdef.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/normalize_calls.h"
#include "rtyper/rclass.h"
#include "rtyper/riter.h"
#include "rtyper/rdict.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rpbc.h"
#include "rtyper/rstr.h"
#include "rtyper/rslice.h"
#include "rtyper/rtuple.h"
#include "rtyper/specialize_graph.h"
#include "translator/diagnostics.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using annotator::SomeRef;

RTyper::RTyper(TranslationContext& context, annotator::Annotator& annotator)
    : context_(context),
      annotator_(annotator),
      rt_(define_runtime_types(*context.types)),
      classes_(std::make_unique<ClassReprs>(*this)),
      helpers_(std::make_unique<HelperGraphs>(*this)),
      exceptions_(std::make_unique<ExceptionData>(*this)) {}

RTyper::~RTyper() = default;

namespace {

// A range() list never mutated nor resized: represented as {start, stop, step}.
bool is_range(const annotator::ListItem& item) { return item.range_step.has_value() && !item.mutated && !item.resized; }

// Classes used as values (a SomePBC of classes) need a ClassDef, hence a vtable, even when no
// instance of them is ever made.
void make_classdefs_of_class_values(annotator::Bookkeeper& bk, const std::vector<flow::FunctionGraph*>& graphs) {
  auto visit = [&](const SomeRef& s) {
    if (!s || !s->is(SomeKind::PBC)) return;
    for (const annotator::Desc* d : s->as<annotator::SomePBC>().descs())
      if (d->kind == annotator::DescKind::Class && !d->as<annotator::ClassDesc>().classdef)
        bk.classdef_for(const_cast<annotator::ClassDesc*>(&d->as<annotator::ClassDesc>()));
  };
  for (flow::FunctionGraph* g : graphs)
    for (flow::Block* b : g->iterblocks()) {
      for (flow::Variable* v : b->inputargs) visit(v->annotation);
      for (const flow::Operation& op : b->operations) {
        visit(op.result->annotation);
        for (flow::Value* a : op.args) visit(a->annotation);
      }
    }
}

}  // namespace

void RTyper::specialize() {
  if (context_.annotation) entry_ = context_.annotation->entry_graph;
  annotated_graphs_ = annotator_.graphs();
  try {
    make_classdefs_of_class_values(bookkeeper(), annotated_graphs_);
    exceptions_->prepare();
    for (flow::FunctionGraph* g : annotated_graphs_) prepare_graph(*this, *g);
    classes_->setup();
    normalize_calls(*this);
    classes_->define();
    exceptions_->make_operation_exceptions();
  } catch (const RTypeFailure& e) {
    throw UserError(std::string("rpp: error: ") + e.what());
  } catch (const TypeError& e) {
    throw UserError(std::string("rpp: error: ") + e.what());
  }
  for (flow::FunctionGraph* g : annotated_graphs_) {
    try {
      specialize_graph(*this, *g);
    } catch (const RTypeFailure& e) {
      throw UserError(std::string("rpp: error: in ") + g->name + ": " + e.what());
    }
    specialized_.insert(g);
  }
  try {
    classes_->fill_vtables();
  } catch (const RTypeFailure& e) {
    throw UserError(std::string("rpp: error: ") + e.what());
  }
}

std::vector<flow::FunctionGraph*> RTyper::all_graphs() const {
  std::vector<flow::FunctionGraph*> out = annotated_graphs_;
  for (const auto& g : own_graphs_) out.push_back(g.get());
  return out;
}

flow::FunctionGraph* RTyper::add_graph(std::unique_ptr<flow::FunctionGraph> graph) {
  flow::FunctionGraph* g = graph.get();
  own_graphs_.push_back(std::move(graph));
  specialized_.insert(g);
  return g;
}

const FuncType* RTyper::graph_type(flow::FunctionGraph* graph) {
  std::vector<const LowLevelType*> args;
  auto type_of = [&](flow::Variable* v) {
    if (specialized_.count(graph) && v->concretetype) return v->concretetype;
    return getrepr(v->annotation)->lowleveltype();
  };
  for (flow::Variable* v : graph->startblock->inputargs) args.push_back(type_of(v));
  return types().func(std::move(args), type_of(graph->returnblock->inputargs[0]));
}

Repr* RTyper::void_repr() {
  if (Repr* r = find_repr("void")) return r;
  return remember("void", std::make_unique<VoidRepr>(std::nullopt));
}

Repr* RTyper::remember(const std::string& key, std::unique_ptr<Repr> repr) {
  auto it = reprs_.find(key);
  if (it != reprs_.end()) return it->second.get();
  Repr* r = repr.get();
  reprs_[key] = std::move(repr);
  return r;
}

Repr* RTyper::find_repr(const std::string& key) const {
  auto it = reprs_.find(key);
  return it == reprs_.end() ? nullptr : it->second.get();
}

std::string RTyper::repr_key(const SomeRef& s) {
  switch (s->kind()) {
    case SomeKind::Impossible: return "void";
    case SomeKind::None: return "none";
    case SomeKind::Bool: return "bool";
    case SomeKind::Integer:
      return std::string("int:") + annotator::int_type_name(s->as<annotator::SomeInteger>().int_type());
    case SomeKind::Float: return "float";
    case SomeKind::Char: return "char";
    case SomeKind::Str: return "str";
    case SomeKind::Bytes: return "bytes";
    case SomeKind::Builder: return s->as<annotator::SomeBuilder>().bytes ? "bytes_builder" : "str_builder";
    case SomeKind::Builtin: {
      const auto& b = s->as<annotator::SomeBuiltin>();
      if (b.name == "slice" && b.receiver) return "slice:" + repr_key(b.receiver);
      if (b.receiver && (b.receiver->is(SomeKind::List) || b.receiver->is(SomeKind::Str) ||
                         b.receiver->is(SomeKind::Char) || b.receiver->is(SomeKind::Dict) ||
                         b.receiver->is(SomeKind::Bytes) || b.receiver->is(SomeKind::Builder)))
        return "bmethod:" + repr_key(b.receiver);
      return "builtin";
    }
    case SomeKind::PBC: {
      const auto& p = s->as<annotator::SomePBC>();
      std::string k = "pbc:";
      for (const annotator::Desc* d : p.descs()) k += std::to_string(d->serial) + ",";
      return k + (p.can_be_none() ? "?" : "");
    }
    case SomeKind::Tuple: {
      std::string k = "tuple(";
      for (const SomeRef& item : s->as<annotator::SomeTuple>().items) {
        std::string ik = repr_key(item);
        if (ik.empty()) ik = "repr@" + std::to_string(reinterpret_cast<uintptr_t>(getrepr(item)));
        k += ik + ";";
      }
      return k + ")";
    }
    case SomeKind::Iterator: {
      const auto& it = s->as<annotator::SomeIterator>();
      return std::string("iter:") + annotator::iter_variant_name(it.variant) + ":" + repr_key(it.container);
    }
    case SomeKind::List: {
      const annotator::ListItem* item = s->as<annotator::SomeList>().listdef->item();
      if (is_range(*item)) return "range";
      // Items of any repr (instances have no key of their own: their repr's address).
      std::string k = repr_key(item->value());
      if (k.empty()) k = "repr@" + std::to_string(reinterpret_cast<uintptr_t>(getrepr(item->value())));
      return std::string("list:") + (item->is_fixed() ? "fixed:" : "resizable:") + k;
    }
    case SomeKind::Dict: {
      const annotator::DictDef* d = s->as<annotator::SomeDict>().dictdef;
      // Keys and values of any repr (instances have no key of their own: their repr's address).
      auto part = [&](const SomeRef& x) {
        std::string k = repr_key(x);
        return k.empty() ? "repr@" + std::to_string(reinterpret_cast<uintptr_t>(getrepr(x))) : k;
      };
      std::string k = part(d->key()->value()), v = part(d->value()->value());
      // An r_dict has its own functions: one repr per key cell (merged dicts share theirs).
      if (d->is_r_dict()) return "rdict@" + std::to_string(reinterpret_cast<uintptr_t>(d->key())) + ":" + k + ":" + v;
      return "dict:" + k + ":" + v;
    }
    default: return "";
  }
}

Repr* RTyper::getrepr(const SomeRef& s) {
  if (!s) return void_repr();
  if (s->is(SomeKind::Instance)) return classes_->instance_repr(s->as<annotator::SomeInstance>().classdef);
  if (s->is(SomeKind::Type)) return classes_->class_repr(s->as<annotator::SomeType>().base);
  std::string key = repr_key(s);
  if (key.empty())
    throw RTypeFailure("values of type " + s->repr() + " have no low-level representation yet (\"RTyper, part 2\")");
  if (Repr* r = find_repr(key)) return r;
  return remember(key, make_repr(s));
}

std::unique_ptr<Repr> RTyper::make_repr(const SomeRef& s) {
  switch (s->kind()) {
    case SomeKind::Impossible: return std::make_unique<VoidRepr>(std::nullopt, "ImpossibleRepr");
    case SomeKind::None: return std::make_unique<VoidRepr>(flow::ConstValue(flow::NoneValue{}), "NoneRepr");
    case SomeKind::Bool: return std::make_unique<BoolRepr>();
    case SomeKind::Integer: return std::make_unique<IntegerRepr>(s->as<annotator::SomeInteger>().int_type());
    case SomeKind::Float: return std::make_unique<FloatRepr>();
    case SomeKind::Char: return std::make_unique<CharRepr>();
    case SomeKind::Str: return std::make_unique<StrRepr>(types().ptr(rt_.str));
    case SomeKind::Bytes: return std::make_unique<BytesRepr>(types().ptr(rt_.bytes));
    case SomeKind::Builder:
      return std::make_unique<BuilderRepr>(types().ptr(rt_.builder), s->as<annotator::SomeBuilder>().bytes);
    case SomeKind::Builtin: {
      const auto& b = s->as<annotator::SomeBuiltin>();
      if (b.name == "slice" && b.receiver && b.receiver->is(SomeKind::Tuple))
        return std::make_unique<SliceRepr>(static_cast<TupleRepr*>(getrepr(b.receiver)));
      if (b.receiver) {
        Repr* r = getrepr(b.receiver);
        if (!r->is_void() && r->kind() != ReprKind::Range) return std::make_unique<BuiltinMethodRepr>(r);
      }
      return std::make_unique<VoidRepr>(std::nullopt, "BuiltinRepr");
    }
    case SomeKind::PBC: return make_pbc_repr(*this, s->as<annotator::SomePBC>());
    case SomeKind::Tuple: {
      std::vector<Repr*> items;
      for (const SomeRef& item : s->as<annotator::SomeTuple>().items) items.push_back(getrepr(item));
      return std::make_unique<TupleRepr>(*this, std::move(items));
    }
    case SomeKind::Iterator: return make_iterator_repr(*this, s->as<annotator::SomeIterator>());
    case SomeKind::List: {
      const annotator::ListItem* item = s->as<annotator::SomeList>().listdef->item();
      if (is_range(*item)) return std::make_unique<RangeRepr>(*this);
      return std::make_unique<ListRepr>(*this, getrepr(item->value()), !item->is_fixed());
    }
    case SomeKind::Dict: {
      const annotator::DictDef* d = s->as<annotator::SomeDict>().dictdef;
      if (d->is_r_dict())
        return std::make_unique<DictRepr>(*this, getrepr(d->key()->value()), getrepr(d->value()->value()),
                                          d->key()->eq_function, d->key()->hash_function);
      return std::make_unique<DictRepr>(*this, getrepr(d->key()->value()), getrepr(d->value()->value()));
    }
    default: throw RTypeFailure("values of type " + s->repr() + " have no low-level representation yet");
  }
}

}  // namespace rpp::rtyper
