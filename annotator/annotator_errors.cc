// How the annotator turns failures into located errors: the current operation's line, the
// annotations, the other source of a conflicting type, the call chain; and the final report of
// blocks that can never be reached because an operation before them can never succeed.
#include <algorithm>
#include <functional>
#include <unordered_set>

#include "annotator/annotator.h"
#include "annotator/classdef.h"
#include "annotator/listdef.h"
#include "annotator/op_rules.h"
#include "annotator/python_objects.h"
#include "translator/frontend/object_table.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

std::string function_name(const flow::FunctionGraph* g) { return g ? g->name : "?"; }

}  // namespace

ErrorReport Annotator::report_here(const std::string& message) const {
  ErrorReport r;
  r.message = message;
  if (current_op_) r.where = current_op_->location;
  if (!r.where.known() && position_.graph) r.where = position_.graph->location;
  if (position_.graph) {
    r.function = function_name(position_.graph);
    for (const auto& [g, loc] : call_chain(position_.graph)) r.chain.emplace_back(function_name(g), loc);
  }
  return r;
}

void Annotator::fail_at(const std::string& message, const AnnotatorFailure* failure) {
  ErrorReport r = report_here(message);
  if (failure) {
    r.notes = failure->notes;
    r.other_where = failure->other_location;
    r.other_label = failure->other_location_label;
  }
  throw AnnotationError(format_error(r, source_reader_));
}

void Annotator::fail_here(const std::string& message, const std::vector<std::string>& notes) {
  ErrorReport r = report_here(message);
  r.notes = notes;
  throw AnnotationError(format_error(r, source_reader_));
}

void Annotator::fail_in(const flow::FunctionGraph* graph, const flow::SourceLocation& where,
                        const std::string& message, const std::vector<std::string>& notes) {
  ErrorReport r;
  r.message = message;
  r.where = where.known() ? where : (graph ? graph->location : where);
  r.notes = notes;
  if (graph) {
    r.function = function_name(graph);
    for (const auto& [g, loc] : call_chain(graph)) r.chain.emplace_back(function_name(g), loc);
  }
  throw AnnotationError(format_error(r, source_reader_));
}

namespace {

bool same_constant(const pyast::Expr* e, const flow::ConstValue& value) {
  return e && e->kind == pyast::ExprKind::Constant &&
         flow::const_value_equal(pyast::as<pyast::Constant>(*e).value, value);
}

// The first statement of `body` (searched recursively) that assigns `value` to `name`, or
// returns it when is_result.
const pyast::Stmt* find_constant_statement(const pyast::StmtList& body, const std::string& name,
                                           bool is_result, const flow::ConstValue& value) {
  for (const auto& st : body) {
    switch (st->kind) {
      case pyast::StmtKind::Assign: {
        const auto& a = pyast::as<pyast::Assign>(*st);
        if (!is_result && same_constant(a.value.get(), value))
          for (const auto& t : a.targets)
            if (t->kind == pyast::ExprKind::Name && pyast::as<pyast::Name>(*t).id == name) return st.get();
        break;
      }
      case pyast::StmtKind::AnnAssign: {
        const auto& a = pyast::as<pyast::AnnAssign>(*st);
        if (!is_result && same_constant(a.value.get(), value) && a.target->kind == pyast::ExprKind::Name &&
            pyast::as<pyast::Name>(*a.target).id == name)
          return st.get();
        break;
      }
      case pyast::StmtKind::Return: {
        const auto& r = pyast::as<pyast::Return>(*st);
        bool none = std::holds_alternative<flow::NoneValue>(value);
        if (is_result && ((!r.value && none) || same_constant(r.value.get(), value))) return st.get();
        break;
      }
      default:
        break;
    }
    const pyast::StmtList* nested[4] = {nullptr, nullptr, nullptr, nullptr};
    switch (st->kind) {
      case pyast::StmtKind::If:
        nested[0] = &pyast::as<pyast::If>(*st).body;
        nested[1] = &pyast::as<pyast::If>(*st).orelse;
        break;
      case pyast::StmtKind::While:
        nested[0] = &pyast::as<pyast::While>(*st).body;
        nested[1] = &pyast::as<pyast::While>(*st).orelse;
        break;
      case pyast::StmtKind::For:
        nested[0] = &pyast::as<pyast::For>(*st).body;
        nested[1] = &pyast::as<pyast::For>(*st).orelse;
        break;
      case pyast::StmtKind::With:
        nested[0] = &pyast::as<pyast::With>(*st).body;
        break;
      case pyast::StmtKind::Try: {
        const auto& t = pyast::as<pyast::Try>(*st);
        nested[0] = &t.body;
        nested[1] = &t.orelse;
        nested[2] = &t.finalbody;
        for (const auto& h : t.handlers)
          if (const pyast::Stmt* found = find_constant_statement(h.body, name, is_result, value)) return found;
        break;
      }
      default:
        break;
    }
    for (const pyast::StmtList* n : nested)
      if (n)
        if (const pyast::Stmt* found = find_constant_statement(*n, name, is_result, value)) return found;
  }
  return nullptr;
}

}  // namespace

flow::SourceLocation Annotator::constant_source(const flow::FunctionGraph* g, const std::string& name,
                                                bool is_result, const flow::ConstValue& value) const {
  const GraphInfo* info = graph_info(g);
  auto* python = const_cast<Annotator*>(this)->bookkeeper_.python();
  if (!info || !info->func || !info->func->pyobj || !python || (name.empty() && !is_result)) return {};
  auto finfo = python->table().function_info(*info->func->pyobj);
  if (!finfo || !finfo->ast) return {};
  const pyast::Stmt* st = find_constant_statement(finfo->ast->body, name, is_result, value);
  if (!st && is_result) {
    // `x = CONST ... return x`: the assignment to a returned name.
    std::vector<std::string> returned;
    std::function<void(const pyast::StmtList&)> collect = [&](const pyast::StmtList& body) {
      for (const auto& s : body) {
        if (s->kind == pyast::StmtKind::Return) {
          const auto& r = pyast::as<pyast::Return>(*s);
          if (r.value && r.value->kind == pyast::ExprKind::Name) returned.push_back(pyast::as<pyast::Name>(*r.value).id);
        } else if (s->kind == pyast::StmtKind::If) {
          collect(pyast::as<pyast::If>(*s).body);
          collect(pyast::as<pyast::If>(*s).orelse);
        } else if (s->kind == pyast::StmtKind::While) {
          collect(pyast::as<pyast::While>(*s).body);
        } else if (s->kind == pyast::StmtKind::For) {
          collect(pyast::as<pyast::For>(*s).body);
        } else if (s->kind == pyast::StmtKind::Try) {
          collect(pyast::as<pyast::Try>(*s).body);
          for (const auto& h : pyast::as<pyast::Try>(*s).handlers) collect(h.body);
        }
      }
    };
    collect(finfo->ast->body);
    for (const auto& n : returned)
      if ((st = find_constant_statement(finfo->ast->body, n, false, value))) break;
  }
  if (!st) return {};
  flow::SourceLocation loc;
  loc.file = std::make_shared<const std::string>(finfo->filename);
  loc.line = st->pos.line;
  loc.col = st->pos.col;
  return loc;
}

flow::SourceLocation Annotator::origin_of(const flow::Link* link, size_t arg_index, const std::string& name,
                                          bool is_result) const {
  const flow::Value* v = link->args[arg_index];
  const flow::Block* b = link->prevblock;
  auto last_known = [](const flow::Block* blk) -> flow::SourceLocation {
    for (auto it = blk->operations.rbegin(); it != blk->operations.rend(); ++it)
      if (it->location.known()) return it->location;
    return {};
  };
  for (int depth = 0; b && depth < 32; ++depth) {
    if (v->is_variable()) {
      for (const auto& op : b->operations)
        if (op.result == v) return op.location;
      if (v == link->last_exception || v == link->last_exc_value) return last_known(b);
      auto in = std::find(b->inputargs.begin(), b->inputargs.end(), v);
      if (in == b->inputargs.end()) return last_known(b);
      size_t j = in - b->inputargs.begin();
      auto it = incoming_.find(b);
      if (it == incoming_.end() || it->second.empty()) return last_known(b);
      link = it->second[0];
      v = link->args[j];
      b = link->prevblock;
      continue;
    }
    // A constant: where the source assigns it, else the nearest operation before the link.
    if (const flow::FunctionGraph* g = graph_of_block(b)) {
      flow::SourceLocation found =
          constant_source(g, name, is_result, static_cast<const flow::Constant*>(v)->value);
      if (found.known()) return found;
    }
    flow::SourceLocation loc = last_known(b);
    if (loc.known()) return loc;
    auto it = incoming_.find(b);
    if (it == incoming_.end() || it->second.empty()) return {};
    b = it->second[0]->prevblock;
  }
  return {};
}

std::optional<flow::SourceLocation> Annotator::explicit_none_source(const flow::Value* value) const {
  struct Item {
    const flow::Value* v;
    const flow::Block* block;
    int depth;
  };
  std::vector<Item> work{{value, position_.block, 0}};
  std::unordered_set<const flow::Value*> seen;
  auto is_none = [](const flow::Value* v) {
    return v->is_constant() && std::holds_alternative<flow::NoneValue>(static_cast<const flow::Constant*>(v)->value);
  };
  while (!work.empty()) {
    Item it = work.back();
    work.pop_back();
    if (!it.block || it.depth > 64 || !seen.insert(it.v).second) continue;
    // The result of an operation of this block?
    bool found_op = false;
    for (size_t i = 0; i < it.block->operations.size(); ++i) {
      const flow::Operation& op = it.block->operations[i];
      if (op.result != it.v) continue;
      found_op = true;
      if (op.opname != "simple_call" && op.opname != "call_args") break;
      const CallSite* site = bookkeeper_.call_families_const().site_at(it.block, static_cast<int>(i));
      if (!site) break;
      for (const auto& [desc, g] : site->callees) {
        if (!g) continue;
        auto in = incoming_.find(g->returnblock);
        if (in == incoming_.end()) continue;
        for (const flow::Link* l : in->second)
          if (is_none(l->args[0])) {
            flow::SourceLocation loc = origin_of(l, 0, "", true);
            if (!loc.known()) loc = g->location;
            return loc;
          }
      }
      break;
    }
    if (found_op) continue;
    auto arg = std::find(it.block->inputargs.begin(), it.block->inputargs.end(), it.v);
    if (arg == it.block->inputargs.end()) continue;
    size_t j = arg - it.block->inputargs.begin();
    auto in = incoming_.find(it.block);
    if (in == incoming_.end()) continue;
    for (const flow::Link* l : in->second) {
      const flow::Value* passed = l->args[j];
      if (is_none(passed)) {
        const flow::Variable* var = it.block->inputargs[j];
        flow::SourceLocation loc = origin_of(l, j, var->name_hint, false);
        return loc;
      }
      work.push_back(Item{passed, l->prevblock, it.depth + 1});
    }
  }
  return std::nullopt;
}

void Annotator::report_union_error_at_join(flow::FunctionGraph* graph, flow::Block* block,
                                           size_t arg_index, const flow::Link* via,
                                           const UnionError& e) {
  const flow::Variable* var = block->inputargs[arg_index];
  bool is_result = block == graph->returnblock;
  std::string fname = graph_info(graph) && graph_info(graph)->func ? graph_info(graph)->func->name : graph->name;
  std::string what = is_result ? "the result of " + fname + "()"
                     : var->name_hint.empty() ? "a value" : "the variable '" + var->name_hint + "'";
  std::string name = is_result ? "" : var->name_hint;
  SomeRef incoming = via ? annotation(via->args[arg_index]) : e.second;
  SomeRef existing = var->annotation;
  ErrorReport r;
  r.message = what + " is " + describe_for_user(incoming) + " here but " + describe_for_user(existing) +
              " on another path, and they have no common type" +
              (e.reason.empty() ? "" : " (" + e.reason + ")");
  if (via) r.where = origin_of(via, arg_index, name, is_result);
  if (!r.where.known()) r.where = graph->location;
  auto it = incoming_.find(block);
  if (it != incoming_.end()) {
    for (const flow::Link* l : it->second) {
      if (l == via) continue;
      SomeRef s = const_cast<Annotator*>(this)->annotation(l->args[arg_index]);
      if (s && !can_union(s, incoming)) {
        r.other_where = origin_of(l, arg_index, name, is_result);
        r.other_label = what + " is " + describe_for_user(s) + " here";
        break;
      }
    }
  }
  r.function = graph->name;
  for (const auto& [g, loc] : call_chain(graph)) r.chain.emplace_back(g->name, loc);
  throw AnnotationError(format_error(r, source_reader_));
}

void Annotator::report_blocked_blocks() {
  for (flow::FunctionGraph* g : graphs_) {
    for (flow::Block* b : g->iterblocks()) {
      auto it = blocks_.find(b);
      if (it == blocks_.end() || it->second.done || it->second.blocked_at < 0) continue;
      int index = it->second.blocked_at;
      const flow::Operation& op = b->operations[index];
      position_ = Position{g, b, index};
      current_op_ = &op;
      std::string reason;
      std::vector<std::string> notes;
      for (size_t i = 0; i < op.args.size(); ++i) {
        SomeRef s = annotation(op.args[i]);
        if (s && s->is(SomeKind::Impossible)) {
          const auto* v = op.args[i]->is_variable() ? static_cast<const flow::Variable*>(op.args[i]) : nullptr;
          std::string name = v && !v->name_hint.empty() ? "'" + v->name_hint + "'" : "argument " + std::to_string(i);
          reason = name + " has no possible value";
          break;
        }
      }
      SomeRef first = op.args.empty() ? nullptr : annotation(op.args[0]);
      if (reason.empty() && first && first->is(SomeKind::None)) {
        std::string what = op.opname == "getattr" ? "reading an attribute of None"
                           : op.opname == "setattr" ? "setting an attribute of None"
                           : (op.opname == "simple_call" || op.opname == "call_args") ? "calling None"
                           : "`" + op.opname + "` on None";
        fail_here(what + ": the value here is always None", {"it is None on every path that reaches this line"});
      }
      if (reason.empty() && op.opname == "getattr" && op.args.size() == 2) {
        SomeRef obj = annotation(op.args[0]);
        SomeRef attr = annotation(op.args[1]);
        if (obj && obj->is(SomeKind::Instance) && attr && attr->is_constant() &&
            std::holds_alternative<std::string>(*attr->constant())) {
          const std::string& name = std::get<std::string>(*attr->constant());
          const ClassDef* cls = obj->as<SomeInstance>().classdef;
          std::string chain;
          for (const ClassDef* c : cls->mro()) chain += (chain.empty() ? "" : ", ") + c->name;
          fail_here("no class in the hierarchy of " + cls->name + " defines the attribute '" +
                        name + "'",
                    {"it is never assigned on an instance nor defined in a class body of: " + chain});
        }
      }
      if (reason.empty() && op.opname == "getitem" && !op.args.empty()) {
        SomeRef c = annotation(op.args[0]);
        if (c && c->is(SomeKind::List)) reason = "the list is always empty (nothing is ever added to it)";
        if (c && c->is(SomeKind::Dict)) reason = "the dict is always empty (nothing is ever stored in it)";
      }
      if (reason.empty()) reason = "its result has no possible value";
      for (size_t i = 0; i < op.args.size(); ++i) {
        SomeRef s = annotation(op.args[i]);
        if (s) notes.push_back("argument " + std::to_string(i) + ": " + describe_for_user(s));
      }
      fail_here("`" + op.opname +
                    "` can never succeed here, so the code after it can never be reached: " + reason,
                notes);
    }
  }
}

}  // namespace rpp::annotator
