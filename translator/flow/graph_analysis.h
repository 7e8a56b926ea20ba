// Graph algorithms over the blocks of a FunctionGraph, through Boost.Graph: reachability,
// immediate dominators, loop back edges and the entry map (the links into each block). Used by
// the graph checker and by later stages (inlining, loops, the JIT's codewriter).
#pragma once
#include <unordered_map>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::flow {

// Blocks reachable from graph.startblock following Link::target, found by Boost.Graph's
// breadth-first search (a cross-check of FunctionGraph::iterblocks), in iterblocks order.
std::vector<Block*> reachable_blocks(const FunctionGraph& graph);

// The immediate dominator of every reachable block (nullptr for the start block), computed
// with Boost.Graph's Lengauer-Tarjan algorithm.
std::unordered_map<const Block*, const Block*> immediate_dominators(const FunctionGraph& graph);

// True when `a` dominates `b` (every path from the start block to b passes through a).
bool dominates(const std::unordered_map<const Block*, const Block*>& idom, const Block* a,
               const Block* b);

// Links whose target dominates their source: the back edges of natural loops, in iterlinks order.
std::vector<Link*> back_edges(const FunctionGraph& graph);

// For each reachable block, the links entering it (in iterlinks order).
std::unordered_map<const Block*, std::vector<Link*>> entry_map(const FunctionGraph& graph);

}  // namespace rpp::flow
