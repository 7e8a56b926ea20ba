// Dead operations, dead arguments and trivial switches (dead_code.h).
#include "translator/backendopt/dead_code.h"

#include <set>

#include "rtyper/lltype/operation_table.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/flow/simplify.h"

namespace rpp::backendopt {

using namespace flow;

bool is_removable_operation(const Operation& op) {
  const lltype::OperationInfo* info = lltype::find_operation(op.opname);
  return info && !info->has_side_effects() && !info->can_raise() && !info->is_call();
}

namespace {

// The variables whose values are needed: used by an operation that must stay, by an exitswitch,
// or passed to the return/except block; then, backwards, everything a needed value is made from.
std::set<const Value*> live_variables(const FunctionGraph& graph) {
  std::set<const Value*> live;
  std::vector<const Value*> work;
  auto mark = [&](const Value* v) {
    if (v->is_variable() && live.insert(v).second) work.push_back(v);
  };
  std::map<const Value*, const Operation*> defining_op;
  std::map<const Value*, std::pair<const Block*, size_t>> defining_arg;
  auto entries = links_into(graph);
  std::vector<Block*> blocks = graph.iterblocks();
  for (Block* b : blocks) {
    for (size_t i = 0; i < b->inputargs.size(); ++i) defining_arg[b->inputargs[i]] = {b, i};
    if (b == graph.returnblock || b == graph.exceptblock) {
      for (Variable* v : b->inputargs) mark(v);
      continue;
    }
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const Operation& op = b->operations[i];
      defining_op[op.result] = &op;
      bool raising_last = b->raises() && i + 1 == b->operations.size();
      if (!is_removable_operation(op) || raising_last) {
        for (Value* a : op.args) mark(a);
      }
    }
    if (b->exitswitch && b->exitswitch->is_variable()) mark(b->exitswitch);
  }
  if (graph.startblock)
    for (Variable* v : graph.startblock->inputargs) mark(v);  // the signature stays
  while (!work.empty()) {
    const Value* v = work.back();
    work.pop_back();
    if (auto it = defining_op.find(v); it != defining_op.end()) {
      for (Value* a : it->second->args) mark(a);
    } else if (auto jt = defining_arg.find(v); jt != defining_arg.end()) {
      for (Link* l : entries[jt->second.first]) mark(l->args[jt->second.second]);
    }
  }
  return live;
}

// A switch whose exits all go to one block with the same arguments is a goto.
bool simplify_trivial_switch(Block* b) {
  if (!b->exitswitch || b->raises() || b->exits.size() < 2) return false;
  Link* first = b->exits[0].get();
  for (auto& l : b->exits)
    if (l->target != first->target || l->args != first->args) return false;
  b->exits.resize(1);
  b->exits[0]->exitcase = nullptr;
  b->exits[0]->llexitcase = nullptr;
  b->exitswitch = nullptr;
  return true;
}

}  // namespace

size_t remove_dead_code(FunctionGraph& graph) {
  size_t removed = 0;
  for (int round = 0; round < 100; ++round) {
    size_t changed = 0;
    std::set<const Value*> live = live_variables(graph);
    auto entries = links_into(graph);
    for (Block* b : graph.iterblocks()) {
      if (b == graph.returnblock || b == graph.exceptblock) continue;
      std::vector<Operation> kept;
      for (size_t i = 0; i < b->operations.size(); ++i) {
        Operation& op = b->operations[i];
        bool raising_last = b->raises() && i + 1 == b->operations.size();
        if (!raising_last && is_removable_operation(op) && !live.count(op.result)) {
          ++changed;
          continue;
        }
        kept.push_back(std::move(op));
      }
      b->operations = std::move(kept);
      if (b != graph.startblock) {
        for (size_t i = b->inputargs.size(); i-- > 0;) {
          if (live.count(b->inputargs[i])) continue;
          b->inputargs.erase(b->inputargs.begin() + i);
          for (Link* l : entries[b]) l->args.erase(l->args.begin() + i);
          ++changed;
        }
      }
      if (simplify_trivial_switch(b)) ++changed;
    }
    removed += changed;
    if (!changed) break;
  }
  flow::simplify_graph(graph);
  return removed;
}

}  // namespace rpp::backendopt
