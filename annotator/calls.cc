// Calls: dispatching on the callee (functions, methods, classes, methods of frozen objects,
// classes known only at run time), matching arguments to parameters with Python 3's rules,
// choosing the specialization of the callee (rlib's `specialize.*` markers) and flowing its graph
// lazily, recording call families and sites for the rtyper.
#include <algorithm>

#include "annotator/annotator.h"
#include "annotator/op_rules.h"
#include "annotator/python_objects.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

std::string plural(size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// A short, stable name of an annotation's type, for specialization keys. Nested tuples share
// items, so long names are replaced by a hash of their text (keeps keys short and linear to make).
std::string type_key(const SomeRef& s, int depth = 0);

std::string bounded(std::string key) {
  if (key.size() <= 96) return key;
  return "h" + std::to_string(std::hash<std::string>()(key) % 1000000007ULL);
}

std::string type_key(const SomeRef& s, int depth) {
  switch (s->kind()) {
    case SomeKind::Integer: return int_type_name(s->as<SomeInteger>().int_type());
    case SomeKind::Bool: return "bool";
    case SomeKind::Float: return "float";
    case SomeKind::Char:
    case SomeKind::Str: return "str";
    case SomeKind::Bytes: return "bytes";
    case SomeKind::None: return "None";
    case SomeKind::List: return "list";
    case SomeKind::Dict: return "dict";
    case SomeKind::Tuple: {
      std::string k = "tuple";
      const auto& items = s->as<SomeTuple>().items;
      std::string previous;
      const SomeValue* previous_item = nullptr;
      for (const auto& i : items) {
        if (i.get() != previous_item) previous = bounded(type_key(i, depth + 1));
        previous_item = i.get();
        k += "_" + previous;
      }
      return bounded(k);
    }
    case SomeKind::Instance: return s->as<SomeInstance>().classdef->name;
    case SomeKind::PBC: return "pbc";
    case SomeKind::Iterator: return "iter";
    case SomeKind::Builtin: return "builtin";
    case SomeKind::Type: return "type";
    case SomeKind::Builder: return s->as<SomeBuilder>().bytes ? "BytesBuilder" : "StringBuilder";
    case SomeKind::Impossible: return "impossible";
  }
  return "?";
}

std::string sanitize(const std::string& key) {
  std::string out;
  for (char c : key) out += (isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out;
}

std::vector<int> parse_positions(const std::string& tag, const std::string& kind) {
  std::vector<int> out;
  auto open = tag.find('(');
  if (open == std::string::npos) return out;
  std::string inside = tag.substr(open + 1, tag.size() - open - 2);
  size_t start = 0;
  while (start < inside.size()) {
    size_t comma = inside.find(',', start);
    if (comma == std::string::npos) comma = inside.size();
    out.push_back(std::stoi(inside.substr(start, comma - start)));
    start = comma + 1;
  }
  (void)kind;
  return out;
}

}  // namespace

std::vector<SomeRef> Annotator::match_arguments(FunctionDesc& func, const CallArgs& args) {
  const Signature& sig = func.signature;
  std::vector<SomeRef> positional = args.positional;
  if (args.star) {
    if (!args.star->is(SomeKind::Tuple))
      throw AnnotatorFailure("*args in a call must be a tuple (of known length), not " +
                             describe_for_user(args.star));
    for (const auto& i : args.star->as<SomeTuple>().items) positional.push_back(i);
  }
  const std::string fname = func.name + "()";
  size_t nparams = sig.params.size();
  std::vector<SomeRef> cells(nparams);
  std::vector<SomeRef> extra;
  for (size_t i = 0; i < positional.size(); ++i) {
    if (i < nparams)
      cells[i] = positional[i];
    else
      extra.push_back(positional[i]);
  }
  if (!extra.empty() && !sig.star_args)
    throw AnnotatorFailure(fname + " takes " + plural(nparams, "positional argument") + " but " +
                           std::to_string(positional.size()) + (positional.size() == 1 ? " was" : " were") +
                           " given");
  std::vector<SomeRef> kwonly(sig.kwonly.size());
  for (const auto& [name, value] : args.keywords) {
    auto p = std::find(sig.params.begin(), sig.params.end(), name);
    if (p != sig.params.end()) {
      size_t i = p - sig.params.begin();
      if (cells[i]) throw AnnotatorFailure(fname + " got multiple values for argument '" + name + "'");
      cells[i] = value;
      continue;
    }
    auto k = std::find(sig.kwonly.begin(), sig.kwonly.end(), name);
    if (k != sig.kwonly.end()) {
      kwonly[k - sig.kwonly.begin()] = value;
      continue;
    }
    throw AnnotatorFailure(fname + " got an unexpected keyword argument '" + name + "'");
  }
  size_t first_default = nparams - sig.defaults.size();
  std::vector<std::string> missing;
  for (size_t i = 0; i < nparams; ++i) {
    if (cells[i]) continue;
    if (i >= first_default) {
      cells[i] = bookkeeper_.immutable_value(sig.defaults[i - first_default]);
    } else {
      missing.push_back("'" + sig.params[i] + "'");
    }
  }
  if (!missing.empty()) {
    std::string names;
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i) names += (i + 1 == missing.size()) ? " and " : ", ";
      names += missing[i];
    }
    throw AnnotatorFailure(fname + " missing " + plural(missing.size(), "required positional argument") +
                           ": " + names);
  }
  for (size_t i = 0; i < sig.kwonly.size(); ++i) {
    if (kwonly[i]) continue;
    auto d = sig.kwonly_defaults.find(sig.kwonly[i]);
    if (d == sig.kwonly_defaults.end())
      throw AnnotatorFailure(fname + " missing required keyword-only argument: '" + sig.kwonly[i] + "'");
    kwonly[i] = bookkeeper_.immutable_value(d->second);
  }
  if (sig.star_args) cells.push_back(std::make_shared<SomeTuple>(extra));
  for (auto& k : kwonly) cells.push_back(k);
  return cells;
}

std::string Annotator::specialization_key(FunctionDesc& func, const std::vector<SomeRef>& cells,
                                          std::vector<std::optional<flow::ConstValue>>* constant_args) {
  const std::string& tag = func.specialize_tag;
  if (tag.empty()) return "";
  std::string kind = tag.substr(std::string("specialize:").size());
  auto paren = kind.find('(');
  std::string name = paren == std::string::npos ? kind : kind.substr(0, paren);
  std::vector<int> positions = parse_positions(tag, name);
  auto check_position = [&](int i) {
    if (i < 0 || i >= static_cast<int>(cells.size()))
      throw AnnotatorFailure(func.name + "() is marked " + tag + " but has no argument " + std::to_string(i));
  };
  std::string key;
  if (name == "argtype" || name == "ll" || name == "ll_and_arg") {
    if (positions.empty() || name != "argtype")
      for (size_t i = 0; i < cells.size(); ++i) positions.push_back(static_cast<int>(i));
    for (int i : positions) {
      check_position(i);
      key += (key.empty() ? "" : ",") + type_key(cells[i]);
    }
    return key;
  }
  if (name == "arg" || name == "arg_or_var") {
    for (int i : positions) {
      check_position(i);
      const SomeRef& s = cells[i];
      std::string part;
      if (s->is_constant()) {
        part = const_repr(*s->constant());
        if (s->is(SomeKind::PBC)) part = s->as<SomePBC>().descs()[0]->name;
        constant_args->resize(cells.size());
        (*constant_args)[i] = *s->constant();
      } else if (name == "arg_or_var") {
        part = "var";
      } else {
        throw AnnotatorFailure(func.name + "() is marked specialize.arg(" + std::to_string(i) +
                               "), but argument " + std::to_string(i) + " is not a constant here (" +
                               describe_for_user(s) + ")");
      }
      key += (key.empty() ? "" : ",") + part;
    }
    return key;
  }
  if (name == "arglistitemtype") {
    for (int i : positions) {
      check_position(i);
      if (!cells[i]->is(SomeKind::List))
        throw AnnotatorFailure(func.name + "() is marked " + tag + ", but argument " +
                               std::to_string(i) + " is not a list (" + describe_for_user(cells[i]) + ")");
      key += (key.empty() ? "" : ",") + type_key(cells[i]->as<SomeList>().listdef->item()->value());
    }
    return key;
  }
  if (name == "call_location") {
    auto it = call_location_ids_.find(position_);
    if (it == call_location_ids_.end())
      it = call_location_ids_.emplace(position_, static_cast<int>(call_location_ids_.size())).first;
    return "site" + std::to_string(it->second);
  }
  if (name == "memo") return "memo";
  throw AnnotatorFailure(func.name + "() has an unknown specialization marker '" + tag + "'");
}

flow::FunctionGraph* Annotator::graph_for(FunctionDesc& func, const std::string& key,
                                          const std::vector<std::optional<flow::ConstValue>>& constant_args) {
  auto it = func.graphs.find(key);
  if (it != func.graphs.end()) return it->second;
  if (func.graphs.size() >= max_specializations) {
    std::string keys;
    size_t n = func.graph_keys_in_order.size();
    for (size_t i = n >= 3 ? n - 3 : 0; i < n; ++i) keys += "\n    " + func.graph_keys_in_order[i];
    AnnotatorFailure f("a specialization that never stops: " + func.name + "() (" +
                       func.specialize_tag + ") already has " +
                       std::to_string(func.graphs.size()) + " versions, and this call asks for another");
    f.notes.push_back("the latest keys:" + keys + "\n    " + key);
    f.notes.push_back("each call makes a new key (e.g. a tuple that grows, or a different constant): "
                      "make the argument's type or value settle");
    throw f;
  }
  std::string suffix = key.empty() ? "" : "__" + sanitize(key);
  flow::FunctionGraph* g = graph_source_.build_graph(func, key, suffix, constant_args, *this);
  if (!g) throw AnnotatorFailure("internal error: no graph for " + func.name);
  func.graphs[key] = g;
  func.graph_keys_in_order.push_back(key);
  register_graph(g, &func, key);
  return g;
}

SomeRef Annotator::call_function(FunctionDesc& func, const CallArgs& args, const Desc* as_desc,
                                 flow::FunctionGraph** graph_out) {
  (void)as_desc;
  if (func.not_rpython)
    throw AnnotatorFailure(func.name + "() is marked @not_rpython: it cannot be called from translated code");
  if (func.is_generator)
    throw AnnotatorFailure(func.name + "() is a generator: `yield` is not RPython (yet)");
  if (func.signature.has_star_kwargs)
    throw AnnotatorFailure(func.name + "() takes **kwargs, which is not RPython");
  std::vector<SomeRef> cells;
  if (args.prebound) {
    cells = args.positional;
    size_t n = func.signature.params.size() + (func.signature.star_args ? 1 : 0) + func.signature.kwonly.size();
    if (cells.size() != n)
      throw AnnotatorFailure("internal error: a pre-bound call of " + func.name + " passes " +
                             std::to_string(cells.size()) + " arguments for " + std::to_string(n) + " parameters");
  } else {
    cells = match_arguments(func, args);
  }
  if (func.specialize_tag == "specialize:memo") {
    if (!bookkeeper_.python())
      throw AnnotatorFailure("specialize.memo needs the Python objects");
    return bookkeeper_.python()->call_memo(func, cells);
  }
  std::vector<std::optional<flow::ConstValue>> constant_args;
  std::string key = specialization_key(func, cells, &constant_args);
  flow::FunctionGraph* graph = graph_for(func, key, constant_args);
  if (graph_out) *graph_out = graph;
  // Map the matched cells onto the start block's inputs by parameter name.
  std::vector<std::string> names = func.signature.params;
  if (func.signature.star_args) names.push_back(*func.signature.star_args);
  for (const auto& k : func.signature.kwonly) names.push_back(k);
  std::vector<SomeRef> inputs;
  flow::Block* start = graph->startblock;
  if (!graph->arg_names.empty() && graph->arg_names.size() == start->inputargs.size()) {
    for (const auto& n : graph->arg_names) {
      auto p = std::find(names.begin(), names.end(), n);
      if (p == names.end()) throw AnnotatorFailure("internal error: graph parameter '" + n + "' unknown");
      inputs.push_back(cells[p - names.begin()]);
    }
  } else {
    if (cells.size() != start->inputargs.size())
      throw AnnotatorFailure("internal error: " + func.name + " has " +
                             std::to_string(start->inputargs.size()) + " inputs for " +
                             std::to_string(cells.size()) + " arguments");
    inputs = cells;
  }
  if (position_.valid()) return_readers_[graph->returnblock].add(position_);
  add_pending_block(graph, start, inputs, nullptr);
  SomeRef r = graph->returnblock->inputargs[0]->annotation;
  return r ? r : s_impossible();
}

SomeRef Annotator::instantiate(ClassDef* cls, const CallArgs& args) {
  cls->instantiated = true;
  SomeRef s_inst = std::make_shared<SomeInstance>(cls);
  SomeRef init = bookkeeper_.class_level_value(cls, "__init__");
  if (init && init->is(SomeKind::PBC)) {
    if (bookkeeper_.is_system_exit(cls))
      throw AnnotatorFailure("a subclass of SystemExit with its own __init__ is not supported: its code would be lost");
    SomeRef bound = bookkeeper_.bind_methods(cls, init, "__init__", {});
    SomeRef r = call(bound, args);
    if (!contains(s_none(), r))
      throw AnnotatorFailure(cls->name + ".__init__() must return None, not " + describe_for_user(r));
    return s_inst;
  }
  if (bookkeeper_.is_exception_class(cls)) {
    if (bookkeeper_.is_system_exit(cls)) {
      // SystemExit(code): CPython's `code` is its one argument (None without one).
      if (!args.keywords.empty() || args.star || args.positional.size() > 1)
        throw AnnotatorFailure(cls->name + "() takes at most one positional argument, its code, in RPython");
      bookkeeper_.record_system_exit(args.positional.empty() ? s_none() : args.positional[0], cls->name + "()");
      return s_inst;
    }
    // Builtin exception constructors: the arguments become `args`.
    SomeRef items = s_impossible();
    for (const auto& a : args.positional) items = union_of(items, without_constant(a));
    if (!args.keywords.empty() || args.star)
      throw AnnotatorFailure(cls->name + "() takes only positional arguments");
    bookkeeper_.record_exception_args(cls, items);
    return s_inst;
  }
  if (!args.positional.empty() || !args.keywords.empty())
    throw AnnotatorFailure(cls->name + "() takes no arguments (the class has no __init__)");
  return s_inst;
}

SomeRef Annotator::call(const SomeRef& callee, const CallArgs& args) {
  if (callee->is(SomeKind::None)) return s_impossible();  // blocked until it generalizes
  if (callee->is(SomeKind::Type)) {
    const auto& t = callee->as<SomeType>();
    if (!t.base) throw AnnotatorFailure("cannot call a class that is not known at all (" + describe_for_user(callee) + ")");
    SomeRef result = s_impossible();
    for (const ClassDef* c : t.base->all_subclasses())
      result = union_of(result, instantiate(const_cast<ClassDef*>(c), args));
    return result;
  }
  if (!callee->is(SomeKind::PBC))
    throw AnnotatorFailure("cannot call " + describe_for_user(callee) + ": it is not a function, method or class");
  const auto& pbc = callee->as<SomePBC>();
  if (pbc.can_be_none())
    throw AnnotatorFailure("calling " + describe_for_user(callee) + ", which may be None");
  std::vector<const Desc*> callables;
  for (const Desc* d : pbc.descs()) callables.push_back(d);
  bookkeeper_.call_families().unite(callables);
  CallSite site;
  site.position = position_;
  site.shape = args.shape();
  SomeRef result = s_impossible();
  for (const Desc* d : pbc.descs()) {
    flow::FunctionGraph* g = nullptr;
    SomeRef r;
    switch (d->kind) {
      case DescKind::Function:
        r = call_function(const_cast<FunctionDesc&>(d->as<FunctionDesc>()), args, d, &g);
        break;
      case DescKind::Method: {
        const auto& m = d->as<MethodDesc>();
        if (!m.selfclassdef)
          throw AnnotatorFailure("internal error: calling the unbound method " + m.name);
        CallArgs bound = args;
        SomeRef self = m.classmethod ? SomeRef(std::make_shared<SomeType>(m.selfclassdef))
                                     : SomeRef(std::make_shared<SomeInstance>(m.selfclassdef, false, m.flags));
        bound.positional.insert(bound.positional.begin(), self);
        r = call_function(*m.func, bound, d, &g);
        break;
      }
      case DescKind::MethodOfFrozen: {
        const auto& m = d->as<MethodOfFrozenDesc>();
        CallArgs bound = args;
        bound.positional.insert(bound.positional.begin(),
                                std::make_shared<SomePBC>(std::vector<const Desc*>{m.receiver}));
        r = call_function(*m.func, bound, d, &g);
        break;
      }
      case DescKind::Class: {
        ClassDef* cls = bookkeeper_.classdef_for(const_cast<ClassDesc*>(&d->as<ClassDesc>()));
        r = instantiate(cls, args);
        break;
      }
      case DescKind::Frozen:
        throw AnnotatorFailure("cannot call " + d->name + ": a frozen prebuilt object is not callable");
    }
    site.callees.emplace_back(d, g);
    result = union_of(result, r);
  }
  if (position_.valid()) bookkeeper_.call_families().record(std::move(site));
  return result;
}

}  // namespace rpp::annotator
