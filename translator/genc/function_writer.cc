// One low-level graph as one C++ function (write_function in emitter.h): every variable a local
// declared at the top, every block a label, links as assignments to the target block's input
// variables (through temporaries when they overlap) and a goto, switches as if/switch, the
// return block as `return`, the except block (reached only with the exception state set,
// after the exception transform) as recording the traceback and returning a dummy value.
// Operations are lowered by operation_writer.cc.
#include "translator/genc/function_writer.h"

#include <map>

#include "translator/diagnostics.h"

namespace rpp::genc {

using namespace lltype;
using flow::Block;
using flow::Link;
using flow::Value;
using flow::Variable;

std::string traceback_entry(const flow::FunctionGraph& graph, const flow::SourceLocation* where) {
  const flow::SourceLocation& loc = where && where->known() ? *where : graph.location;
  std::string file = loc.file ? *loc.file : "?";
  std::string function = loc.function && loc.inlined_at ? *loc.function : graph.name;
  return "File \"" + file + "\", line " + std::to_string(loc.line) + ", in " + function;
}

std::vector<std::string> traceback_entries(const flow::FunctionGraph& graph, const flow::SourceLocation* where) {
  std::vector<std::string> entries;
  if (!where || !where->known()) return {traceback_entry(graph, where)};
  for (const flow::SourceLocation* l = where; l; l = l->inlined_at.get()) entries.push_back(traceback_entry(graph, l));
  return entries;
}

FunctionWriter::FunctionWriter(Emitter& emitter, flow::FunctionGraph& graph, UnitUses& uses)
    : emitter_(emitter), graph_(graph), uses_(uses) {}

std::string FunctionWriter::var(const Value* v) {
  if (auto* c = dynamic_cast<const flow::Constant*>(v)) return emitter_.constant(c->value, c->concretetype, uses_);
  auto it = var_names_.find(static_cast<const Variable*>(v));
  if (it == var_names_.end())
    throw UserError("genc: error: graph " + graph_.name + ": a variable used outside the block that defines it");
  return it->second;
}

std::string FunctionWriter::ctype(const LowLevelType* t) { return emitter_.type_name(t, uses_); }

void FunctionWriter::name_variables() {
  size_t n = 0;
  auto add = [&](const Variable* v) {
    if (!v || var_names_.count(v)) return;
    std::string hint = v->name_hint.empty() ? "v" : sanitize_identifier(v->name_hint);
    var_names_[v] = hint + "_" + std::to_string(n++);
    if (v->concretetype && !is_void(v->concretetype)) declared_.push_back(v);
  };
  for (Block* b : blocks_) {
    for (Variable* v : b->inputargs) add(v);
    for (const flow::Operation& op : b->operations) add(op.result);
    for (const auto& l : b->exits) {
      add(l->last_exception);
      add(l->last_exc_value);
    }
  }
}

void FunctionWriter::find_caught_values() {
  for (bool changed = true; changed;) {
    changed = false;
    auto add = [&](const Variable* v) {
      if (v && caught_values_.insert(v).second) changed = true;
    };
    for (Block* b : blocks_) {
      for (const flow::Operation& op : b->operations) {
        if (op.opname == "exc_fetch_value") add(op.result);
        if ((op.opname == "cast_pointer" || op.opname == "same_as") && !op.args.empty() &&
            caught_values_.count(dynamic_cast<const Variable*>(op.args[0])))
          add(op.result);
      }
      for (const auto& l : b->exits)
        for (size_t i = 0; i < l->args.size() && i < l->target->inputargs.size(); ++i)
          if (caught_values_.count(dynamic_cast<const Variable*>(l->args[i]))) add(l->target->inputargs[i]);
    }
  }
}

std::string FunctionWriter::label(const Block* b) { return "block" + std::to_string(block_index_.at(b)); }

std::string FunctionWriter::link_code(const Link& link, const std::string& indent) {
  std::string text;
  const Block* target = link.target;
  std::vector<std::pair<std::string, std::string>> moves;  // dst, src
  for (size_t i = 0; i < link.args.size() && i < target->inputargs.size(); ++i) {
    const Variable* dst = target->inputargs[i];
    if (is_void(dst->concretetype)) continue;
    std::string d = var(dst), s = var(link.args[i]);
    if (d != s) moves.emplace_back(d, s);
  }
  bool overlap = false;
  for (size_t i = 0; i < moves.size(); ++i)
    for (size_t j = 0; j < moves.size(); ++j)
      if (i != j && moves[j].second == moves[i].first) overlap = true;
  if (overlap) {  // a parallel assignment, in its own scope (gotos must not cross the temporaries)
    text += indent + "{\n";
    for (size_t i = 0; i < moves.size(); ++i)
      text += indent + "  auto tmp" + std::to_string(i) + " = " + moves[i].second + ";\n";
    for (size_t i = 0; i < moves.size(); ++i)
      text += indent + "  " + moves[i].first + " = tmp" + std::to_string(i) + ";\n";
    text += indent + "}\n";
  } else {
    for (auto& [d, s] : moves) text += indent + d + " = " + s + ";\n";
  }
  if (target == graph_.exceptblock) {
    // Leaving with the exception state set: the traceback names where it came through (the
    // location of the operation that raised, which the exception transform gives the block).
    const flow::Block* from = link.prevblock;
    const flow::SourceLocation* where = from && !from->operations.empty() ? &from->operations.back().location : nullptr;
    // An operation inlined from other functions records their frames too, innermost first.
    for (const std::string& entry : traceback_entries(graph_, where))
      text += indent + "rpp_traceback_record(" + cxx_string_literal(entry) + ");\n";
  }
  return text + indent + "goto " + label(target) + ";\n";
}

std::string FunctionWriter::exits_code(const Block* b) {
  if (b->exits.empty()) return "  __builtin_unreachable();\n";
  if (b->raises())
    throw UserError("genc: error: graph " + graph_.name +
                    " still has exception links: genc needs the exception transform (the backendopt stage)");
  if (!b->exitswitch) return link_code(*b->exits[0], "  ");
  const LowLevelType* t = b->exitswitch->concretetype;
  std::string sw = var(b->exitswitch);
  std::string text;
  if (t == &Bool) {
    const Link* yes = nullptr;
    const Link* no = nullptr;
    const Link* dflt = nullptr;
    for (const auto& l : b->exits) {
      const flow::Constant* c = l->llexitcase ? l->llexitcase : l->exitcase;
      if (c && std::holds_alternative<flow::DefaultCase>(c->value)) dflt = l.get();
      else if (c && std::holds_alternative<bool>(c->value) && std::get<bool>(c->value)) yes = l.get();
      else no = l.get();
    }
    if (!yes) yes = dflt;
    if (!no) no = dflt;
    if (!yes || !no) return link_code(*(yes ? yes : no), "  ");
    // The operation that computes the switch says which exit is expected: after a call the
    // exception (`exc_occurred`) is the rare case; `likely` / `unlikely` hints (bounds checks) say
    // it themselves. The C++ compiler then keeps the other exit off the hot path.
    std::string condition = sw;
    for (const flow::Operation& op : b->operations) {
      if (op.result != b->exitswitch) continue;
      if (op.opname == "exc_occurred" || op.opname == "unlikely") condition = "__builtin_expect(" + sw + ", 0)";
      if (op.opname == "likely") condition = "__builtin_expect(" + sw + ", 1)";
    }
    return "  if (" + condition + ") {\n" + link_code(*yes, "    ") + "  }\n" + link_code(*no, "  ");
  }
  text = "  switch (" + sw + ") {\n";
  bool has_default = false;
  for (const auto& l : b->exits) {
    const flow::Constant* c = l->llexitcase ? l->llexitcase : l->exitcase;
    if (!c || std::holds_alternative<flow::DefaultCase>(c->value)) {
      text += "    default: {\n";
      has_default = true;
    } else {
      int64_t k = 0;
      if (auto* i = std::get_if<int64_t>(&c->value)) k = *i;
      else if (auto* u = std::get_if<uint64_t>(&c->value)) k = int64_t(*u);
      else if (auto* bo = std::get_if<bool>(&c->value)) k = *bo;
      text += "    case " + std::to_string(k) + ": {\n";
    }
    text += link_code(*l, "      ") + "    }\n";
  }
  if (!has_default) text += "    default: __builtin_unreachable();\n";
  return text + "  }\n";
}

std::string FunctionWriter::write() {
  blocks_ = graph_.iterblocks();
  // The return and except blocks last, whether reachable or not.
  std::vector<Block*> ordered;
  for (Block* b : blocks_)
    if (b != graph_.returnblock && b != graph_.exceptblock) ordered.push_back(b);
  ordered.push_back(graph_.returnblock);
  ordered.push_back(graph_.exceptblock);
  blocks_ = ordered;
  for (size_t i = 0; i < blocks_.size(); ++i) block_index_[blocks_[i]] = i;
  name_variables();
  find_caught_values();

  const LowLevelType* result_type = graph_.returnblock->inputargs[0]->concretetype;
  std::string text = "// " + graph_.name + "\n";
  text += ctype(result_type) + " " + emitter_.function_name(&graph_) + "(";
  std::set<const Variable*> params;
  bool first = true;
  for (Variable* v : graph_.startblock->inputargs) {
    if (is_void(v->concretetype)) continue;
    if (!first) text += ", ";
    text += ctype(v->concretetype) + " " + var_names_.at(v);
    params.insert(v);
    first = false;
  }
  text += ") {\n";
  for (const Variable* v : declared_)
    if (!params.count(v)) text += "  " + ctype(v->concretetype) + " " + var_names_.at(v) + "{};\n";
  bool except_used = false, return_used = false;
  for (Block* b : blocks_)
    for (const auto& l : b->exits) {
      if (l->target == graph_.exceptblock) except_used = true;
      if (l->target == graph_.returnblock) return_used = true;
    }
  if (graph_.startblock == graph_.returnblock) return_used = true;
  for (Block* b : blocks_) {
    if (b == graph_.returnblock) {
      if (!return_used) continue;
      text += label(b) + ":  // return\n";
      text += is_void(result_type) ? "  return;\n" : "  return " + var(b->inputargs[0]) + ";\n";
      continue;
    }
    if (b == graph_.exceptblock) {
      if (!except_used) continue;
      text += label(b) + ":  // except: the exception state is set\n";
      if (is_void(result_type)) text += "  return;\n";
      else text += "  return {};\n";
      continue;
    }
    text += label(b) + ":\n";
    text += operations_code(b);
    text += exits_code(b);
  }
  return text + "}\n";
}

std::string write_function(Emitter& emitter, flow::FunctionGraph& graph, UnitUses& uses) {
  return FunctionWriter(emitter, graph, uses).write();
}

}  // namespace rpp::genc
