// Skipping empty blocks and joining single-entry chains (join_blocks.h).
#include "translator/backendopt/join_blocks.h"

#include "translator/backendopt/graph_edit.h"

namespace rpp::backendopt {

using namespace flow;

namespace {

bool is_pass_through(const FunctionGraph& g, const Block* b) {
  return b != g.startblock && b != g.returnblock && b != g.exceptblock && b->operations.empty() && !b->exitswitch &&
         b->exits.size() == 1 && b->exits[0]->target != b;
}

bool skip_empty_blocks(FunctionGraph& g) {
  bool changed = false;
  for (Link* l : g.iterlinks()) {
    for (int guard = 0; guard < 1000 && is_pass_through(g, l->target); ++guard) {
      Block* b = l->target;
      const Link* next = b->exits[0].get();
      ValueMap map;
      for (size_t i = 0; i < b->inputargs.size(); ++i) map[b->inputargs[i]] = l->args[i];
      std::vector<Value*> args;
      for (Value* a : next->args) args.push_back(renamed(map, a));
      l->args = std::move(args);
      l->target = next->target;
      changed = true;
    }
  }
  return changed;
}

bool join_one(FunctionGraph& g) {
  auto entries = links_into(g);
  for (Block* a : g.iterblocks()) {
    if (a->exitswitch || a->exits.size() != 1) continue;
    Link* l = a->exits[0].get();
    Block* b = l->target;
    if (b == a || b == g.returnblock || b == g.exceptblock || b == g.startblock || entries[b].size() != 1) continue;
    ValueMap map;
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

bool join_blocks(FunctionGraph& graph) {
  bool changed = skip_empty_blocks(graph);
  while (join_one(graph)) changed = true;
  if (skip_empty_blocks(graph)) changed = true;
  return changed;
}

}  // namespace rpp::backendopt
