// The worklist fixpoint: binding block inputs, flowing operations, following links (with the
// narrowing a condition gives), re-flowing readers, and the final check for blocked blocks.
#include "annotator/annotator.h"

#include <algorithm>

#include "annotator/dictdef.h"
#include "annotator/error_report.h"
#include "annotator/op_rules.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

// Thrown inside flow_in when an operation cannot be annotated (yet).
struct Blocked {
  int index;
};

bool is_call_op(const std::string& name) {
  return name == "simple_call" || name == "call_args" || name == "next";
}

}  // namespace

CallShape CallArgs::shape() const {
  CallShape s;
  s.positional = static_cast<int>(positional.size());
  for (const auto& [k, v] : keywords) s.keywords.push_back(k);
  s.star_args = star != nullptr;
  return s;
}

Annotator::Annotator(GraphSource& graphs) : graph_source_(graphs), bookkeeper_(this) {}

Annotator::~Annotator() = default;

const GraphInfo* Annotator::graph_info(const flow::FunctionGraph* g) const {
  auto it = graph_infos_.find(g);
  return it == graph_infos_.end() ? nullptr : &it->second;
}

flow::FunctionGraph* Annotator::graph_of_block(const flow::Block* b) const {
  auto it = blocks_.find(b);
  return it == blocks_.end() ? nullptr : it->second.graph;
}

void Annotator::register_graph(flow::FunctionGraph* graph, FunctionDesc* func,
                               const std::string& key) {
  if (graph_infos_.count(graph)) return;
  GraphInfo info;
  info.func = func;
  info.specialization = key;
  info.first_caller = position_;
  graph_infos_[graph] = info;
  graphs_.push_back(graph);
}

flow::FunctionGraph* Annotator::annotate_entry(FunctionDesc& entry,
                                               const std::vector<SomeRef>& args) {
  CallArgs call_args;
  call_args.positional = args;
  position_ = Position{};
  flow::FunctionGraph* graph = nullptr;
  try {
    call_function(entry, call_args, &entry, &graph);
  } catch (const AnnotatorFailure& e) {
    fail_at(e.what(), &e);
  }
  if (graph) graph_infos_[graph].is_entry = true;
  complete();
  return graph;
}

SomeRef Annotator::annotation(flow::Value* v) {
  if (v->annotation) return v->annotation;
  if (v->is_constant()) {
    auto* c = static_cast<flow::Constant*>(v);
    c->annotation = bookkeeper_.immutable_value(c->value);
    return c->annotation;
  }
  return nullptr;
}

flow::SourceLocation Annotator::current_location() const {
  if (current_op_) return current_op_->location;
  return {};
}

void Annotator::warn(const std::string& message) {
  if (std::find(warnings_.begin(), warnings_.end(), message) == warnings_.end())
    warnings_.push_back(message);
}

void Annotator::warn_here(const std::string& message) {
  flow::SourceLocation loc = current_location();
  std::string where = loc.known() ? *loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col) + ": " : "rpp: ";
  warn(where + "warning: " + message);
}

void Annotator::record_jit_marker(const std::string& marker, const Desc* driver) {
  for (const auto& m : jit_markers_)
    if (m.position == position_) return;
  jit_markers_.push_back(JitMarker{marker, driver, position_});
}

void Annotator::schedule(flow::Block* block) {
  BlockState& st = blocks_[block];
  st.done = false;
  if (!st.queued) {
    st.queued = true;
    pending_.push_back(block);
  }
}

void Annotator::set_binding(flow::Variable* v, SomeRef s) {
  if (v->annotation && !same_annotation(v->annotation, s)) {
    if (!contains(s, v->annotation)) {
      try {
        s = union_of(v->annotation, s);
      } catch (const UnionError& e) {
        throw AnnotatorFailure(std::string("internal error: the annotation of a result shrank (") +
                               e.what() + ")");
      }
    }
  }
  v->annotation = std::move(s);
}

void Annotator::add_pending_block(flow::FunctionGraph* graph, flow::Block* block,
                                  const std::vector<SomeRef>& cells, const flow::Link* via) {
  if (cells.size() != block->inputargs.size())
    throw AnnotatorFailure("internal error: a link passes " + std::to_string(cells.size()) +
                           " values to a block with " +
                           std::to_string(block->inputargs.size()) + " inputs");
  auto it = blocks_.find(block);
  bool changed = false;
  if (it == blocks_.end()) {
    BlockState& st = blocks_[block];
    st.graph = graph;
    st.first_link = via;
    for (size_t i = 0; i < cells.size(); ++i) block->inputargs[i]->annotation = cells[i];
    changed = true;
  } else {
    for (size_t i = 0; i < cells.size(); ++i) {
      flow::Variable* a = block->inputargs[i];
      SomeRef merged;
      if (!a->annotation) {
        merged = cells[i];
      } else {
        try {
          merged = union_of(a->annotation, cells[i]);
        } catch (const UnionError& e) {
          report_union_error_at_join(graph, block, i, via, e);
        }
      }
      if (!same_annotation(merged, a->annotation)) {
        a->annotation = merged;
        changed = true;
      }
    }
  }
  if (via) {
    auto& in = incoming_[block];
    if (std::find(in.begin(), in.end(), via) == in.end()) in.push_back(via);
  }
  if (!changed) return;
  if (block == graph->returnblock) {
    blocks_[block].done = true;
    auto rit = return_readers_.find(block);
    if (rit != return_readers_.end())
      for (const auto& p : rit->second.items()) reflow_from(p);
    return;
  }
  if (block == graph->exceptblock) {
    blocks_[block].done = true;
    return;
  }
  schedule(block);
}

void Annotator::reflow_from(const Position& position) {
  if (!position.block) return;
  auto it = blocks_.find(position.block);
  if (it == blocks_.end()) return;
  schedule(position.block);
}

void Annotator::complete() {
  do {
    while (!pending_.empty()) {
      flow::Block* block = pending_.front();
      pending_.pop_front();
      BlockState& st = blocks_[block];
      st.queued = false;
      process_block(block);
    }
    check_rdict_functions();  // may schedule blocks again (never in a loop: it only re-reads)
  } while (!pending_.empty());
  report_blocked_blocks();
}

void Annotator::process_block(flow::Block* block) {
  BlockState& st = blocks_[block];
  ++blocks_processed_;
  st.done = true;
  st.blocked_at = -1;
  try {
    flow_in(st.graph, block);
  } catch (const Blocked& b) {
    BlockState& again = blocks_[block];
    again.done = false;
    again.blocked_at = b.index;
  }
  position_ = Position{};
  current_op_ = nullptr;
}

void Annotator::flow_in(flow::FunctionGraph* graph, flow::Block* block) {
  bool only_exception_links = false;
  const int n = static_cast<int>(block->operations.size());
  for (int i = 0; i < n; ++i) {
    const flow::Operation& op = block->operations[i];
    position_ = Position{graph, block, i};
    current_op_ = &op;
    SomeRef result;
    try {
      result = consider_op(op);
    } catch (const AnnotatorFailure& e) {
      fail_at(e.what(), &e);
    }
    if (!result || result->is(SomeKind::Impossible)) {
      if (block->raises() && i == n - 1) {
        only_exception_links = true;
        break;
      }
      // A call that always raises is harmless (the code after it is dead), unless it is a call
      // of None.
      if (is_call_op(op.opname) && !(op.opname != "next" && annotation(op.args[0])->is(SomeKind::None)))
        return;
      throw Blocked{i};
    }
    try {
      set_binding(op.result, result);
    } catch (const AnnotatorFailure& e) {
      fail_at(e.what(), &e);
    }
  }
  position_ = Position{graph, block, -1};
  current_op_ = block->operations.empty() ? nullptr : &block->operations.back();

  if (block->raises()) {
    const flow::Operation* raising = block->operations.empty() ? nullptr : &block->operations.back();
    std::vector<const ClassDef*> caught_before;
    for (const auto& link : block->exits) {
      if (!link->exitcase) {
        if (!only_exception_links) follow_link(graph, link.get(), nullptr);
        continue;
      }
      SomeRef s_case;
      try {
        s_case = annotation(link->exitcase);
      } catch (const AnnotatorFailure& e) {
        fail_at(e.what(), &e);
      }
      const ClassDef* exc_class = nullptr;
      if (s_case && s_case->is(SomeKind::PBC) && s_case->as<SomePBC>().descs().size() == 1) {
        const Desc* d = s_case->as<SomePBC>().descs()[0];
        if (d->kind == DescKind::Class) {
          try {
            exc_class = bookkeeper_.classdef_for(const_cast<ClassDesc*>(&d->as<ClassDesc>()));
          } catch (const AnnotatorFailure& e) {
            fail_at(e.what(), &e);
          }
        }
      }
      if (!exc_class) continue;
      // A handler after one for a base class can never run.
      bool shadowed = false;
      for (const ClassDef* c : caught_before)
        if (exc_class->issubclass(c)) shadowed = true;
      caught_before.push_back(exc_class);
      if (shadowed) continue;
      (void)raising;
      follow_raise_link(graph, link.get(), std::make_shared<SomeInstance>(exc_class));
    }
    return;
  }

  const std::vector<std::pair<const flow::Variable*, SomeRef>>* when_true = nullptr;
  const std::vector<std::pair<const flow::Variable*, SomeRef>>* when_false = nullptr;
  SomeRef s_switch;
  if (block->exitswitch && block->exitswitch->is_variable()) {
    s_switch = annotation(block->exitswitch);
    if (s_switch && s_switch->is(SomeKind::Bool)) {
      const auto& ktd = s_switch->as<SomeBool>().knowntypedata;
      if (ktd) {
        when_true = &ktd->when_true;
        when_false = &ktd->when_false;
      }
    }
  }
  bool matched_case = false;
  for (const auto& link : block->exits) {
    const auto* constraints = static_cast<decltype(when_true)>(nullptr);
    if (link->exitcase && s_switch) {
      const flow::ConstValue& cv = link->exitcase->value;
      if (std::holds_alternative<flow::DefaultCase>(cv)) {
        if (s_switch->is_constant() && matched_case) continue;
      } else if (s_switch->is_constant()) {
        flow::ConstValue sv = *s_switch->constant();
        bool equal = flow::const_value_equal(sv, cv);
        // A bool switch's cases are bools; an int constant 0/1 matches them too.
        if (!equal && std::holds_alternative<bool>(cv) && std::holds_alternative<int64_t>(sv))
          equal = (std::get<int64_t>(sv) != 0) == std::get<bool>(cv);
        if (!equal) continue;
        matched_case = true;
      }
      if (std::holds_alternative<bool>(cv)) constraints = std::get<bool>(cv) ? when_true : when_false;
    }
    follow_link(graph, link.get(), constraints);
  }
}

SomeRef Annotator::consider_op(const flow::Operation& op) {
  for (flow::Value* a : op.args) {
    SomeRef s = annotation(a);
    if (!s)
      throw AnnotatorFailure("internal error: operation `" + op.opname +
                             "` uses a variable that has no annotation");
    if (s->is(SomeKind::Impossible)) return s_impossible();
  }
  bookkeeper_.begin_operation();
  Rule rule = find_rule(op.opname);
  if (!rule) throw AnnotatorFailure("the operation `" + op.opname + "` is not supported by the annotator");
  RuleContext cx(*this, op);
  return rule(cx);
}

SomeRef Annotator::apply_renaming(const SomeRef& s, const flow::Link* link) {
  auto rename = [&](const flow::Variable* v) -> std::vector<const flow::Variable*> {
    std::vector<const flow::Variable*> out;
    for (size_t i = 0; i < link->args.size(); ++i)
      if (link->args[i] == v) out.push_back(link->target->inputargs[i]);
    return out;
  };
  if (s->is(SomeKind::Type)) {
    const auto& t = s->as<SomeType>();
    if (t.is_type_of.empty()) return s;
    std::vector<const flow::Variable*> vars;
    for (auto* v : t.is_type_of)
      for (auto* r : rename(v)) vars.push_back(r);
    auto out = std::make_shared<SomeType>(t.base, std::move(vars));
    if (s->is_constant()) out->set_constant(*s->constant());
    return out;
  }
  if (s->is(SomeKind::Bool) && s->as<SomeBool>().knowntypedata) {
    const auto& ktd = *s->as<SomeBool>().knowntypedata;
    auto renamed = std::make_shared<KnownTypeData>();
    for (const auto& [v, c] : ktd.when_true)
      for (auto* r : rename(v)) renamed->when_true.emplace_back(r, c);
    for (const auto& [v, c] : ktd.when_false)
      for (auto* r : rename(v)) renamed->when_false.emplace_back(r, c);
    auto out = std::make_shared<SomeBool>();
    if (s->is_constant()) out->set_constant(*s->constant());
    if (!renamed->empty()) out->knowntypedata = renamed;
    return out;
  }
  return s;
}

void Annotator::follow_link(
    flow::FunctionGraph* graph, const flow::Link* link,
    const std::vector<std::pair<const flow::Variable*, SomeRef>>* constraints) {
  std::vector<SomeRef> cells;
  cells.reserve(link->args.size());
  for (flow::Value* arg : link->args) {
    SomeRef s = annotation(arg);
    if (!s) throw AnnotatorFailure("internal error: a link passes a variable with no annotation");
    if (constraints) {
      for (const auto& [v, c] : *constraints) {
        if (v == arg) {
          s = intersection(s, c);
          if (s->is(SomeKind::Impossible)) return;  // this path can never be taken
        }
      }
    }
    cells.push_back(apply_renaming(s, link));
  }
  add_pending_block(graph, link->target, cells, link);
}

void Annotator::follow_raise_link(flow::FunctionGraph* graph, const flow::Link* link,
                                  const SomeRef& exc_value) {
  const ClassDef* cls = exc_value->as<SomeInstance>().classdef;
  if (link->last_exc_value) set_binding(link->last_exc_value, exc_value);
  if (link->last_exception) {
    std::vector<const flow::Variable*> of;
    if (link->last_exc_value) of.push_back(link->last_exc_value);
    set_binding(link->last_exception, std::make_shared<SomeType>(cls, of));
  }
  std::vector<SomeRef> cells;
  for (flow::Value* arg : link->args) {
    SomeRef s = annotation(arg);
    if (!s) throw AnnotatorFailure("internal error: a link passes a variable with no annotation");
    // The flow builder passes the exception's class as the constant exitcase when it is exact:
    // it is still the type of the exception value (for `except C:` narrowing).
    if (arg == link->exitcase || (arg->is_constant() && link->exitcase &&
                                  flow::const_value_equal(static_cast<flow::Constant*>(arg)->value,
                                                          link->exitcase->value))) {
      std::vector<const flow::Variable*> of;
      if (link->last_exc_value) of.push_back(link->last_exc_value);
      auto t = std::make_shared<SomeType>(cls, of);
      s = t;
    }
    cells.push_back(apply_renaming(s, link));
  }
  add_pending_block(graph, link->target, cells, link);
}

// The key type of an r_dict generalized: its eq and hash functions are called (emulated calls,
// from no position) with the new key type, so their graphs see every key that can reach them.
void Annotator::rdict_key_changed(DictKey& key) {
  if (!key.custom_eq_hash || !key.eq_function || !key.hash_function) return;
  SomeRef k = key.value();
  if (k->is(SomeKind::Impossible)) return;
  Position saved = position_;
  const flow::Operation* saved_op = current_op_;
  position_ = Position{};
  CallArgs eq_args;
  eq_args.positional = {k, k};
  CallArgs hash_args;
  hash_args.positional = {k};
  call(key.eq_function, eq_args);
  call(key.hash_function, hash_args);
  position_ = saved;
  current_op_ = saved_op;
  if (std::find(rdict_keys_.begin(), rdict_keys_.end(), &key) == rdict_keys_.end()) rdict_keys_.push_back(&key);
}

void Annotator::check_rdict_functions() {
  for (DictKey* key : rdict_keys_) {
    if (key->users.empty()) continue;  // merged into another key
    SomeRef k = key->value();
    position_ = Position{};
    CallArgs eq_args;
    eq_args.positional = {k, k};
    CallArgs hash_args;
    hash_args.positional = {k};
    SomeRef eq = call(key->eq_function, eq_args);
    SomeRef hash = call(key->hash_function, hash_args);
    if (!contains(s_bool(), eq) && !eq->is(SomeKind::Impossible))
      throw AnnotationError("rpp: error: the key_eq function of an r_dict must return a bool, not " + eq->repr());
    if (!(hash->is_integer() && !hash->is(SomeKind::Bool)) && !hash->is(SomeKind::Impossible))
      throw AnnotationError("rpp: error: the key_hash function of an r_dict must return an int, not " + hash->repr());
  }
}

std::vector<std::pair<flow::FunctionGraph*, flow::SourceLocation>> Annotator::call_chain(
    const flow::FunctionGraph* graph) const {
  std::vector<std::pair<flow::FunctionGraph*, flow::SourceLocation>> chain;
  const flow::FunctionGraph* g = graph;
  for (int depth = 0; g && depth < 64; ++depth) {
    const GraphInfo* info = graph_info(g);
    if (!info || !info->first_caller.graph) break;
    const Position& p = info->first_caller;
    flow::SourceLocation where;
    if (p.block && p.index >= 0 && p.index < static_cast<int>(p.block->operations.size()))
      where = p.block->operations[p.index].location;
    chain.emplace_back(p.graph, where);
    g = p.graph;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void Annotator::finish() {
  for (flow::FunctionGraph* g : graphs_) {
    for (flow::Block* b : g->iterblocks()) {
      for (auto& op : b->operations)
        for (flow::Value* a : op.args)
          if (a->is_constant()) annotation(a);
      for (const auto& l : b->exits)
        for (flow::Value* a : l->args)
          if (a->is_constant()) annotation(a);
    }
    flow::Variable* ret = g->returnblock->inputargs[0];
    if (!ret->annotation) ret->annotation = s_impossible();
  }
  bookkeeper_.containers().freeze();
}

}  // namespace rpp::annotator
