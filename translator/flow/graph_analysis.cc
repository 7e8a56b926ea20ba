// Boost.Graph views of a FunctionGraph: blocks are vertices (in iterblocks order), links edges.
#include "translator/flow/graph_analysis.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <boost/property_map/property_map.hpp>

namespace rpp::flow {

namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

// The blocks of a graph as a Boost graph. Every block a link reaches is a vertex, so the
// vertices are a superset of what iterblocks() finds (they are equal on a sane graph).
struct BlockGraph {
  std::vector<Block*> blocks;
  std::unordered_map<const Block*, Vertex> vertex;
  BoostGraph g;

  explicit BlockGraph(const FunctionGraph& graph) {
    for (Block* b : graph.iterblocks()) add(b);
    for (size_t i = 0; i < blocks.size(); ++i)
      for (auto& link : blocks[i]->exits)
        if (link->target) add(link->target);
    g = BoostGraph(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i)
      for (auto& link : blocks[i]->exits)
        if (link->target) boost::add_edge(i, vertex.at(link->target), g);
  }

  void add(Block* b) {
    if (vertex.emplace(b, blocks.size()).second) blocks.push_back(b);
  }
};

}  // namespace

std::vector<Block*> reachable_blocks(const FunctionGraph& graph) {
  std::vector<Block*> result;
  if (!graph.startblock) return result;
  BlockGraph bg(graph);
  std::vector<boost::default_color_type> colors(bg.blocks.size(), boost::white_color);
  auto color_map = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, bg.g));
  boost::breadth_first_search(bg.g, bg.vertex.at(graph.startblock),
                              boost::visitor(boost::default_bfs_visitor()).color_map(color_map));
  for (size_t i = 0; i < bg.blocks.size(); ++i)
    if (colors[i] != boost::white_color) result.push_back(bg.blocks[i]);
  return result;
}

std::unordered_map<const Block*, const Block*> immediate_dominators(const FunctionGraph& graph) {
  std::unordered_map<const Block*, const Block*> idom;
  if (!graph.startblock) return idom;
  BlockGraph bg(graph);
  const Vertex none = boost::graph_traits<BoostGraph>::null_vertex();
  std::vector<Vertex> dom(bg.blocks.size(), none);
  auto index = boost::get(boost::vertex_index, bg.g);
  auto dom_map = boost::make_iterator_property_map(dom.begin(), index);
  boost::lengauer_tarjan_dominator_tree(bg.g, bg.vertex.at(graph.startblock), dom_map);
  for (size_t i = 0; i < bg.blocks.size(); ++i) {
    if (bg.blocks[i] == graph.startblock) {
      idom[bg.blocks[i]] = nullptr;
    } else if (dom[i] != none) {
      idom[bg.blocks[i]] = bg.blocks[dom[i]];
    }
  }
  return idom;
}

bool dominates(const std::unordered_map<const Block*, const Block*>& idom, const Block* a,
               const Block* b) {
  for (const Block* x = b; x; ) {
    if (x == a) return true;
    auto it = idom.find(x);
    if (it == idom.end()) return false;
    x = it->second;
  }
  return false;
}

std::vector<Link*> back_edges(const FunctionGraph& graph) {
  auto idom = immediate_dominators(graph);
  std::vector<Link*> result;
  for (Link* link : graph.iterlinks())
    if (dominates(idom, link->target, link->prevblock)) result.push_back(link);
  return result;
}

std::unordered_map<const Block*, std::vector<Link*>> entry_map(const FunctionGraph& graph) {
  std::unordered_map<const Block*, std::vector<Link*>> entries;
  for (Block* b : graph.iterblocks()) entries[b];
  for (Link* link : graph.iterlinks()) entries[link->target].push_back(link);
  return entries;
}

}  // namespace rpp::flow
