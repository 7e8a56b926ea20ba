// Write-barrier insertion (write_barriers.h).
#include "gc_transform/write_barriers.h"

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

}  // namespace

size_t insert_write_barriers(const std::vector<flow::FunctionGraph*>& graphs) {
  analyzers::CallGraph calls(graphs);
  analyzers::CanCollectAnalysis can_collect(calls);
  size_t inserted = 0;
  for (flow::FunctionGraph* graph : graphs) {
    for (flow::Block* block : graph->iterblocks()) {
      std::vector<flow::Operation> rewritten;
      std::set<const flow::Value*> fresh;  // allocated in this block since the last collection
      for (flow::Operation& op : block->operations) {
        if (is_gc_store(op)) {
          if (!fresh.count(op.args.front())) {
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
        bool collects = can_collect.operation(op);
        if (collects) fresh.clear();
        if (op.opname == "malloc" || op.opname == "malloc_varsize" || op.opname == "gc_malloc_fixed" ||
            op.opname == "gc_malloc_varsize")
          fresh.insert(op.result);
        // A cast of a fresh object is the same young object.
        if ((op.opname == "cast_pointer" || op.opname == "same_as") && !op.args.empty() && fresh.count(op.args[0]))
          fresh.insert(op.result);
        rewritten.push_back(std::move(op));
      }
      block->operations = std::move(rewritten);
    }
  }
  return inserted;
}

}  // namespace rpp::gctransform
