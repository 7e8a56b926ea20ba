// Shadow-stack root saving (shadow_stack_roots.h).
#include "gc_transform/shadow_stack_roots.h"

#include <map>
#include <set>

#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/analyzers/can_collect.h"
#include "gc_transform/gc_values.h"

namespace rpp::gctransform {

std::vector<flow::Variable*> gc_pointers_live_across(const flow::Block& block, size_t index) {
  std::set<const flow::Value*> used_later;
  for (size_t k = index + 1; k < block.operations.size(); ++k)
    for (const flow::Value* a : block.operations[k].args) used_later.insert(a);
  if (block.exitswitch) used_later.insert(block.exitswitch);
  for (const auto& link : block.exits)
    for (const flow::Value* a : link->args) used_later.insert(a);
  std::vector<flow::Variable*> live;
  auto consider = [&](flow::Variable* v) {
    if (is_gc_pointer(v) && used_later.count(v)) live.push_back(v);
  };
  for (flow::Variable* v : block.inputargs) consider(v);
  for (size_t k = 0; k < index; ++k) consider(block.operations[k].result);
  return live;
}

namespace {

std::vector<flow::Value*> as_values(const std::vector<flow::Variable*>& vars) {
  return std::vector<flow::Value*>(vars.begin(), vars.end());
}

// Puts a block on `link` that pops `roots` (renamed to the new block's arguments) and goes on
// to the link's old target with the same values.
void pop_on_link(flow::FunctionGraph& graph, flow::Link& link, const std::vector<flow::Variable*>& roots,
                 const flow::SourceLocation& location) {
  std::vector<flow::Value*> passed;  // the variables the new block receives, in order
  std::map<const flow::Value*, flow::Variable*> renamed;
  auto pass = [&](flow::Value* v) {
    if (!v->is_variable() || renamed.count(v)) return;
    flow::Variable* copy = graph.new_variable(static_cast<flow::Variable*>(v)->name_hint);
    copy->concretetype = v->concretetype;
    renamed[v] = copy;
    passed.push_back(v);
  };
  for (flow::Variable* r : roots) pass(r);
  for (flow::Value* a : link.args) pass(a);
  std::vector<flow::Variable*> inputargs;
  for (flow::Value* v : passed) inputargs.push_back(renamed.at(v));
  flow::Block* pop_block = graph.new_block(inputargs);
  std::vector<flow::Value*> popped;
  for (flow::Variable* r : roots) popped.push_back(renamed.at(r));
  pop_block->operations.push_back(void_operation(graph, "gc_pop_roots", popped, location));
  std::vector<flow::Value*> onward;
  for (flow::Value* a : link.args) onward.push_back(a->is_variable() ? renamed.at(a) : a);
  pop_block->add_exit(link.target, onward);
  link.target = pop_block;
  link.args = passed;
}

}  // namespace

RootStats insert_shadow_stack_roots(const std::vector<flow::FunctionGraph*>& graphs) {
  analyzers::CallGraph calls(graphs);
  analyzers::CanCollectAnalysis can_collect(calls);
  RootStats stats;
  for (flow::FunctionGraph* graph : graphs) {
    for (flow::Block* block : graph->iterblocks()) {
      std::vector<flow::Operation> rewritten;
      std::vector<flow::Variable*> pop_on_exits;
      flow::SourceLocation exit_location;
      size_t count = block->operations.size();
      for (size_t i = 0; i < count; ++i) {
        std::vector<flow::Variable*> roots;
        if (can_collect.operation(block->operations[i])) roots = gc_pointers_live_across(*block, i);
        flow::Operation& op = block->operations[i];
        if (roots.empty()) {
          rewritten.push_back(std::move(op));
          continue;
        }
        ++stats.saves;
        stats.roots_saved += roots.size();
        flow::SourceLocation location = op.location;
        rewritten.push_back(void_operation(*graph, "gc_push_roots", as_values(roots), location));
        rewritten.push_back(std::move(op));
        if (i + 1 == count && block->raises()) {
          pop_on_exits = roots;
          exit_location = location;
        } else {
          rewritten.push_back(void_operation(*graph, "gc_pop_roots", as_values(roots), location));
        }
      }
      block->operations = std::move(rewritten);
      if (!pop_on_exits.empty())
        for (auto& link : block->exits) pop_on_link(*graph, *link, pop_on_exits, exit_location);
    }
  }
  return stats;
}

}  // namespace rpp::gctransform
