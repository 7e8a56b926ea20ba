// The JIT-readiness check (readiness.h).
#include "jit_codegen/readiness.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "rtyper/lltype/lltype.h"
#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/analyzers/effects.h"
#include "translator/backendopt/graph_edit.h"

namespace rpp::jit_codegen {

using namespace flow;
using namespace lltype;

char register_kind(const LowLevelType* type) {
  if (!type) return 0;
  if (auto* p = as<Primitive>(type)) {
    if (p->prim() == PrimitiveKind::Void) return 'v';
    if (p->prim() == PrimitiveKind::Float) return 'f';
    return 'i';
  }
  if (auto* p = as<Ptr>(type)) return p->is_gc() ? 'r' : 'i';
  return 0;
}

namespace {

const std::string* string_operand(const Value* v) {
  if (!v || !v->is_constant()) return nullptr;
  return std::get_if<std::string>(&static_cast<const Constant*>(v)->value);
}

std::string describe(const Value* v) {
  auto* var = dynamic_cast<const Variable*>(v);
  if (var && !var->name_hint.empty()) return "'" + var->name_hint + "'";
  return "a temporary value";
}

std::string type_name(const LowLevelType* t) { return t ? t->to_string() : "(no type)"; }

// The structs of the first-field chain of s: s, its parent, ...
std::vector<const Struct*> chain_of(const Struct* s) {
  std::vector<const Struct*> chain;
  while (s) {
    chain.push_back(s);
    s = s->parent();
  }
  return chain;
}

bool every_field_immutable(const Struct* s) {
  if (s->hints().immutable) return true;
  for (const Struct* t : chain_of(s)) {
    if (t->hints().immutable) continue;
    for (size_t i = 0; i < t->fields().size(); ++i) {
      const StructField& f = t->fields()[i];
      if (i == 0 && as<Struct>(f.type)) continue;  // the parent, checked as its own link
      if (is_void(f.type)) continue;
      if (t->mutability_of(f.name) == FieldMutability::Mutable) return false;
    }
  }
  return true;
}

// Why a green of this type is not immutable ("" when it is).
std::string green_type_problem(const LowLevelType* t, const analyzers::Effects& portal_effects) {
  if (register_kind(t) != 'r') return "";  // integers, floats, chars, raw addresses: values
  const ContainerType* to = as<Ptr>(t)->to();
  if (auto* s = as<Struct>(to)) {
    if (s->name() == "rpy_string" || s->name() == "rpy_bytes") return "";
    if (every_field_immutable(s)) return "";
    if (portal_effects.random) return "it has mutable fields and the portal may call unknown code";
    for (const Struct* c : chain_of(s))
      for (const analyzers::Effect& w : portal_effects.writes)
        if (w.container == c->name()) return "code reachable from the portal writes " + w.to_string();
    return "";
  }
  if (auto* a = as<Array>(to)) {
    if (a->hints().immutable) return "";
    if (portal_effects.random) return "its items are mutable and the portal may call unknown code";
    for (const analyzers::Effect& w : portal_effects.writes)
      if (w.container == a->to_string() || w.container == "array") return "code reachable from the portal writes " + w.to_string();
    return "";
  }
  return "";
}

const StructField* find_field(const Struct* s, const std::string& name) {
  for (const Struct* c : chain_of(s)) {
    if (const StructField* f = c->field(name)) return f;
    if (const StructField* f = c->field("inst_" + name)) return f;
  }
  return nullptr;
}

FieldMutability mutability_in_chain(const Struct* s, const std::string& name) {
  for (const Struct* c : chain_of(s)) {
    if (c->field(name)) return c->hints().immutable ? FieldMutability::Immutable : c->mutability_of(name);
    if (c->field("inst_" + name))
      return c->hints().immutable ? FieldMutability::Immutable : c->mutability_of("inst_" + name);
  }
  return FieldMutability::Mutable;
}

// Where a variable is defined: its operation's location, else its block's first operation's,
// else the graph's.
SourceLocation location_of(const FunctionGraph& g, const Block* b, const Value* v) {
  for (const Operation& op : b->operations)
    if (op.result == v) return op.location;
  if (!b->operations.empty()) return b->operations[0].location;
  return g.location;
}

class Checker {
 public:
  Checker(const std::vector<FunctionGraph*>& graphs, const DriverLookup& drivers) : graphs_(graphs), drivers_(drivers) {}

  ReadinessReport run() {
    for (FunctionGraph* g : graphs_)
      for (Block* b : g->iterblocks())
        for (size_t i = 0; i < b->operations.size(); ++i) {
          const Operation& op = b->operations[i];
          if (op.opname != "jit_marker" || op.args.size() < 2) continue;
          const std::string* kind = string_operand(op.args[0]);
          if (kind && *kind == "jit_merge_point") check_merge_point(*g, b, i);
        }
    return std::move(report_);
  }

 private:
  void problem(const SourceLocation& loc, std::string message) { report_.problems.push_back({loc, std::move(message)}); }

  void check_merge_point(FunctionGraph& portal, Block* block, size_t index) {
    const Operation& op = block->operations[index];
    std::optional<DriverShape> shape;
    if (op.args[1]->is_constant() && drivers_) shape = drivers_(*static_cast<const Constant*>(op.args[1]));
    std::vector<Value*> args(op.args.begin() + 2, op.args.end());
    size_t n = args.size();
    size_t n_greens = 0;
    if (shape) {
      if (shape->autoreds) n_greens = std::min(shape->greens.size(), n);
      else n_greens = n - std::min(shape->reds.size(), n);
    }
    std::string driver = shape ? shape->name : "?";
    ReadinessReport::Portal p;
    p.graph = &portal;
    p.driver = driver;

    // What the JIT would trace from this portal, and what it writes.
    analyzers::CallGraph calls({&portal});
    analyzers::EffectsAnalysis effects(calls);
    analyzers::Effects portal_effects = effects_after(portal, block, index, effects);

    // Greens and reds.
    for (size_t k = 0; k < n; ++k) {
      Value* v = args[k];
      bool green = k < n_greens;
      std::string name;
      if (shape) {
        if (green) name = k < shape->greens.size() ? shape->greens[k] : "";
        else if (!shape->autoreds && k - n_greens < shape->reds.size()) name = shape->reds[k - n_greens];
      }
      if (name.empty()) {
        auto* var = dynamic_cast<Variable*>(v);
        name = var && !var->name_hint.empty() ? var->name_hint : "?";
      }
      (green ? p.greens : p.reds).push_back(name + ": " + type_name(v->concretetype));
      if (!green) continue;
      if (auto dot = name.find('.'); dot != std::string::npos) {
        std::string field = name.substr(dot + 1);
        const Struct* s = pointee<Struct>(v->concretetype);
        if (s && find_field(s, field) && mutability_in_chain(s, field) == FieldMutability::Mutable)
          problem(op.location, "green field '" + name + "' of driver '" + driver +
                                   "' is not immutable (list it in the class's _immutable_fields_)");
        continue;
      }
      std::string why = green_type_problem(v->concretetype, portal_effects);
      if (!why.empty())
        problem(op.location, "green '" + name + "' of driver '" + driver + "' has the mutable type " +
                                 type_name(v->concretetype) + ": " + why + " (greens must be immutable)");
    }

    // Live variables across the merge point.
    std::set<const Value*> listed(args.begin(), args.end());
    for (Variable* v : backendopt::variables_used_from(block, index + 1)) {
      if (listed.count(v) || is_void(v->concretetype)) continue;
      problem(op.location, describe(v) + " (" + type_name(v->concretetype) + ") is live across the jit_merge_point of driver '" +
                               driver + "' but is neither a green nor a red (the live variables must be exactly greens + reds)");
    }

    // Graphs the JIT would trace.
    std::set<const FunctionGraph*> seen{&portal};
    std::vector<FunctionGraph*> work{&portal};
    while (!work.empty()) {
      FunctionGraph* g = work.back();
      work.pop_back();
      ++p.traced_graphs;
      check_traced_graph(*g, p, effects);
      for (Block* b : g->iterblocks())
        for (const Operation& o : b->operations) {
          if (!analyzers::is_call(o)) continue;
          for (FunctionGraph* callee : analyzers::call_targets(o).graphs) {
            if (callee->flags.dont_look_inside || callee->flags.elidable) continue;  // residual calls
            if (seen.insert(callee).second) work.push_back(callee);
          }
        }
    }
    report_.portals.push_back(std::move(p));
  }

  // What the code from the merge point on may do (the loop and what follows it: writes that
  // only set things up before the loop do not change a green while the JIT runs).
  static analyzers::Effects effects_after(const FunctionGraph& portal, Block* block, size_t index,
                                          const analyzers::EffectsAnalysis& effects) {
    analyzers::Effects result;
    std::set<const Block*> seen;
    std::vector<Block*> work;
    for (auto& l : block->exits) work.push_back(l->target);
    bool whole_block = false;
    while (!work.empty()) {
      Block* b = work.back();
      work.pop_back();
      if (!seen.insert(b).second) continue;
      if (b == block) whole_block = true;
      for (auto& l : b->exits) work.push_back(l->target);
    }
    seen.insert(block);
    for (const Block* b : seen) {
      size_t from = (b == block && !whole_block) ? index + 1 : 0;
      for (size_t i = from; i < b->operations.size(); ++i) effects.domain().join(result, effects.operation(b->operations[i]));
    }
    (void)portal;
    return result;
  }

  void check_kind(const FunctionGraph& g, const Block* b, const Value* v) {
    if (register_kind(v->concretetype)) return;
    problem(location_of(g, b, v), describe(v) + " in " + g.name + " has the type " + type_name(v->concretetype) +
                                      ", which has no JIT register kind (int, ref or float)");
  }

  void check_traced_graph(const FunctionGraph& g, ReadinessReport::Portal& p,
                          const analyzers::EffectsAnalysis& effects) {
    for (Block* b : g.iterblocks()) {
      for (Variable* v : b->inputargs) check_kind(g, b, v);
      for (const Operation& op : b->operations) {
        check_kind(g, b, op.result);
        if (!analyzers::is_call(op)) continue;
        ++p.calls;
        analyzers::CallTargets t = analyzers::call_targets(op);
        if (t.unknown) {
          problem(op.location, op.opname + " in " + g.name +
                                   " may call a function the toolchain cannot see: the JIT has no effect info for it "
                                   "(an indirect call needs the set of graphs it may call)");
          continue;
        }
        // The effect info the codewriter will attach to the call.
        std::string callees;
        if (t.helper) callees = "$" + std::string(t.helper->name);
        for (FunctionGraph* callee : t.graphs) callees += (callees.empty() ? "@" : ", @") + callee->name;
        std::string line = callees + ": " + effects.operation(op).to_string();
        if (std::find(p.call_effects.begin(), p.call_effects.end(), line) == p.call_effects.end())
          p.call_effects.push_back(line);
      }
    }
  }

  const std::vector<FunctionGraph*>& graphs_;
  const DriverLookup& drivers_;
  ReadinessReport report_;
};

std::string format_location(const SourceLocation& loc) {
  if (!loc.known()) return "rpp";
  return *loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

}  // namespace

ReadinessReport check_jit_readiness(const std::vector<FunctionGraph*>& graphs, const DriverLookup& drivers) {
  return Checker(graphs, drivers).run();
}

std::string format_problems(const std::vector<ReadinessProblem>& problems) {
  std::ostringstream out;
  for (const ReadinessProblem& p : problems) {
    out << format_location(p.location) << ": error: " << p.message << "\n";
    for (auto at = p.location.inlined_at; at; at = at->inlined_at) out << "  (inlined from " << format_location(*at) << ")\n";
  }
  return out.str();
}

std::string format_report(const ReadinessReport& report) {
  std::ostringstream out;
  if (report.portals.empty()) out << "jit: no jit_merge_point: nothing for the JIT to do\n";
  for (const auto& p : report.portals) {
    out << "jit portal " << p.graph->name << " (driver " << p.driver << ")\n";
    out << "  greens:";
    for (const auto& g : p.greens) out << " " << g << ";";
    out << "\n  reds:";
    for (const auto& r : p.reds) out << " " << r << ";";
    out << "\n  traced graphs: " << p.traced_graphs << ", calls: " << p.calls << "\n";
    for (const auto& c : p.call_effects) out << "    call " << c << "\n";
  }
  out << "jit readiness: " << (report.problems.empty() ? "ok" : std::to_string(report.problems.size()) + " problems") << "\n";
  return out.str();
}

}  // namespace rpp::jit_codegen
