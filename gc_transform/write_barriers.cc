// Write-barrier insertion (write_barriers.h).
#include "gc_transform/write_barriers.h"

#include <map>
#include <set>

#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/analyzers/can_collect.h"
#include "gc_transform/gc_values.h"

namespace rpp::gctransform {

namespace {

bool is_gc_store(const flow::Operation& op) {
  if (op.opname != "setfield" && op.opname != "setarrayitem" && op.opname != "setinteriorfield") return false;
  if (op.args.size() < 3) return false;
  // A constant (null or a prebuilt object, never young, never moved) makes no old-to-young
  // reference: only variables need the barrier.
  return is_gc_pointer(op.args.front()) && is_gc_pointer(op.args.back()) && op.args.back()->is_variable();
}

// The index of the item a store writes into the object's var-sized part (setarrayitem's index,
// the first index of a setinteriorfield path), or nullptr for a store into the fixed part.
flow::Value* item_index(const flow::Operation& op) {
  if (op.opname == "setarrayitem") return op.args[1];
  if (op.opname != "setinteriorfield") return nullptr;
  for (size_t i = 1; i + 1 < op.args.size(); ++i)
    if (op.args[i]->concretetype == &lltype::Signed) return op.args[i];
  return nullptr;
}

using FreshSet = std::set<const flow::Value*>;

// Walks a block's operations from the objects fresh at its entry (allocated since the last
// operation that can collect, on every path), calling `store(op, fresh)` for each GC store;
// returns what is fresh at its end.
template <class OnStore>
FreshSet walk_block(flow::Block* block, FreshSet fresh, analyzers::CanCollectAnalysis& can_collect, OnStore store) {
  for (flow::Operation& op : block->operations) {
    if (is_gc_store(op)) store(op, fresh.count(op.args.front()) != 0);
    if (can_collect.operation(op)) fresh.clear();
    if (op.opname == "malloc" || op.opname == "malloc_varsize" || op.opname == "gc_malloc_fixed" ||
        op.opname == "gc_malloc_varsize")
      fresh.insert(op.result);
    // A cast of a fresh object (or the JIT's `hint` on it, a copy here) is the same young object.
    if ((op.opname == "cast_pointer" || op.opname == "same_as" || op.opname == "hint") && !op.args.empty() &&
        fresh.count(op.args[0]))
      fresh.insert(op.result);
  }
  return fresh;
}

// The objects fresh at the entry of every block: a forward "on every path" analysis over links
// (a block argument is fresh when every link into it passes a fresh object). The start block
// starts with nothing fresh; blocks not reached yet count as "everything" until they are.
std::map<flow::Block*, FreshSet> fresh_at_entry(flow::FunctionGraph& graph, analyzers::CanCollectAnalysis& can_collect) {
  std::vector<flow::Block*> blocks = graph.iterblocks();
  std::map<flow::Block*, FreshSet> entry;
  std::set<flow::Block*> reached{graph.startblock};
  entry[graph.startblock] = {};
  for (bool changed = true; changed;) {
    changed = false;
    for (flow::Block* block : blocks) {
      if (!reached.count(block)) continue;
      FreshSet out = walk_block(block, entry[block], can_collect, [](flow::Operation&, bool) {});
      for (const auto& link : block->exits) {
        flow::Block* target = link->target;
        if (target == graph.startblock) continue;  // the start block keeps nothing fresh
        FreshSet in;
        for (size_t i = 0; i < link->args.size() && i < target->inputargs.size(); ++i)
          if (out.count(link->args[i])) in.insert(target->inputargs[i]);
        if (reached.insert(target).second) {
          entry[target] = std::move(in);
          changed = true;
          continue;
        }
        FreshSet& old = entry[target];
        FreshSet meet;
        for (const flow::Value* v : old)
          if (in.count(v)) meet.insert(v);
        if (meet.size() != old.size()) {
          old = std::move(meet);
          changed = true;
        }
      }
    }
  }
  return entry;
}

}  // namespace

size_t insert_write_barriers(const std::vector<flow::FunctionGraph*>& graphs) {
  analyzers::CallGraph calls(graphs);
  analyzers::CanCollectAnalysis can_collect(calls);
  size_t inserted = 0;
  for (flow::FunctionGraph* graph : graphs) {
    std::map<flow::Block*, FreshSet> entry = fresh_at_entry(*graph, can_collect);
    for (flow::Block* block : graph->iterblocks()) {
      std::set<const flow::Operation*> needs_barrier;
      walk_block(block, entry[block], can_collect, [&](flow::Operation& op, bool fresh) {
        if (!fresh) needs_barrier.insert(&op);
      });
      std::vector<flow::Operation> rewritten;
      for (flow::Operation& op : block->operations) {
        if (is_gc_store(op)) {
          if (needs_barrier.count(&op)) {
            // Items of arrays: the card-marking barrier, which needs the index.
            if (flow::Value* index = item_index(op))
              rewritten.push_back(
                  void_operation(*graph, "gc_writebarrier_array", {op.args.front(), index}, op.location));
            else
              rewritten.push_back(void_operation(*graph, "gc_writebarrier", {op.args.front()}, op.location));
            ++inserted;
          }
          if (op.opname == "setfield") op.opname = "bare_setfield";
          else if (op.opname == "setarrayitem") op.opname = "bare_setarrayitem";
        }
        rewritten.push_back(std::move(op));
      }
      block->operations = std::move(rewritten);
    }
  }
  return inserted;
}

}  // namespace rpp::gctransform
