// SSA -> SSI conversion and the simplifications of flowed graphs.
#include "translator/flow/simplify.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "translator/flow/graph_analysis.h"

namespace rpp::flow {

namespace {

struct BySerial {
  bool operator()(const Variable* a, const Variable* b) const { return a->serial < b->serial; }
};
using VarSet = std::set<Variable*, BySerial>;

Variable* as_var(Value* v) { return v && v->is_variable() ? static_cast<Variable*>(v) : nullptr; }

std::unordered_set<const Variable*> defined_in(const Block* b) {
  std::unordered_set<const Variable*> defined(b->inputargs.begin(), b->inputargs.end());
  for (auto& op : b->operations) defined.insert(op.result);
  return defined;
}

// Variables a block uses without defining them.
VarSet used_not_defined(const Block* b) {
  auto defined = defined_in(b);
  VarSet needed;
  auto use = [&](Value* v) {
    if (Variable* var = as_var(v); var && !defined.count(var)) needed.insert(var);
  };
  for (auto& op : b->operations)
    for (Value* a : op.args) use(a);
  use(b->exitswitch);
  for (auto& l : b->exits)
    for (Value* a : l->args)
      if (a != l->last_exception && a != l->last_exc_value) use(a);
  return needed;
}

Value* renamed(Value* v, const std::unordered_map<const Value*, Value*>& map) {
  auto it = map.find(v);
  return it == map.end() ? v : it->second;
}

void rename_uses(Block* b, const std::unordered_map<const Value*, Value*>& map) {
  for (auto& op : b->operations)
    for (Value*& a : op.args) a = renamed(a, map);
  if (b->exitswitch) b->exitswitch = renamed(b->exitswitch, map);
  for (auto& l : b->exits)
    for (Value*& a : l->args) a = renamed(a, map);
}

}  // namespace

void ssa_to_ssi(FunctionGraph& graph) {
  auto blocks = graph.iterblocks();
  auto entries = entry_map(graph);
  // Backward propagation of what each block must receive.
  std::unordered_map<const Block*, VarSet> needs;
  std::vector<Block*> work;
  for (Block* b : blocks) {
    needs[b] = used_not_defined(b);
    if (!needs[b].empty()) work.push_back(b);
  }
  while (!work.empty()) {
    Block* b = work.back();
    work.pop_back();
    for (Link* l : entries[b]) {
      Block* p = l->prevblock;
      auto defined = defined_in(p);
      bool grew = false;
      for (Variable* v : needs[b])
        if (!defined.count(v) && needs[p].insert(v).second) grew = true;
      if (grew) work.push_back(p);
    }
  }
  // New input arguments, then the link arguments that feed them.
  std::unordered_map<const Block*, std::unordered_map<const Value*, Value*>> renames;
  for (Block* b : blocks) {
    auto& map = renames[b];
    for (Variable* v : needs[b]) {
      Variable* fresh = graph.new_variable(v->name_hint);
      b->inputargs.push_back(fresh);
      map[v] = fresh;
    }
  }
  for (Block* b : blocks) {
    for (auto& l : b->exits) {
      for (Variable* v : needs[l->target]) l->args.push_back(v);
    }
  }
  for (Block* b : blocks) rename_uses(b, renames[b]);
}

namespace {

// An empty block that only passes its arguments on.
bool is_pass_through(const FunctionGraph& graph, const Block* b) {
  return b != graph.startblock && b != graph.returnblock && b != graph.exceptblock && b->operations.empty() &&
         !b->exitswitch && b->exits.size() == 1 && b->exits[0]->target != b;
}

bool eliminate_empty_blocks(FunctionGraph& graph) {
  bool changed = false;
  for (Link* l : graph.iterlinks()) {
    int guard = 0;
    while (is_pass_through(graph, l->target) && guard++ < 1000) {
      Block* b = l->target;
      Link* next = b->exits[0].get();
      std::unordered_map<const Value*, Value*> map;
      for (size_t i = 0; i < b->inputargs.size(); ++i) map[b->inputargs[i]] = l->args[i];
      std::vector<Value*> args;
      for (Value* a : next->args) args.push_back(renamed(a, map));
      l->args = std::move(args);
      l->target = next->target;
      changed = true;
    }
  }
  return changed;
}

bool join_blocks(FunctionGraph& graph) {
  auto entries = entry_map(graph);
  for (Block* a : graph.iterblocks()) {
    if (a->exitswitch || a->exits.size() != 1) continue;
    Link* l = a->exits[0].get();
    Block* b = l->target;
    if (b == a || b == graph.returnblock || b == graph.exceptblock || b == graph.startblock) continue;
    if (entries[b].size() != 1) continue;
    std::unordered_map<const Value*, Value*> map;
    for (size_t i = 0; i < b->inputargs.size(); ++i) map[b->inputargs[i]] = l->args[i];
    rename_uses(b, map);
    for (auto& op : b->operations) a->operations.push_back(std::move(op));
    b->operations.clear();
    a->exitswitch = b->exitswitch;
    a->exits = std::move(b->exits);
    b->exits.clear();
    b->exitswitch = nullptr;
    for (auto& e : a->exits) e->prevblock = a;
    return true;
  }
  return false;
}

}  // namespace

bool simplify_graph(FunctionGraph& graph) {
  bool changed = eliminate_empty_blocks(graph);
  while (join_blocks(graph)) changed = true;
  if (eliminate_empty_blocks(graph)) changed = true;
  return changed;
}

}  // namespace rpp::flow
