// The text and Graphviz forms of graphs (`rpp translate --dump=flow [--format=dot|svg]`).
// Stable: variables and blocks are numbered per graph in traversal order, nothing depends on
// addresses or hash order, so the same program dumps byte-identically every time.
//
//   graph f(n)  # file.py:3
//   block0(v0):
//       v1 = gt(v0, 0)  # 4:7
//       v2 = bool(v1)  # 4:7
//       switch v2
//         False -> block1(v0)
//         True -> block2(v0)
//   block1(v3):
//       v4 = simple_call(<function g>, v3)  # 5:11
//       exitswitch last_exception
//         normal -> return(v4)
//         except <class Exception> as v5, v6 -> except(v5, v6)
//
// The return and except blocks print as `return(...)` / `except(...)` targets.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "translator/flow/const_repr.h"
#include "translator/flow/model.h"

namespace rpp::flow {

void dump_graph(const FunctionGraph& graph, std::ostream& out, const ObjectDescriber& describe = {});
std::string dump_graph(const FunctionGraph& graph, const ObjectDescriber& describe = {});

// One Graphviz `digraph` per graph: a box per block (its operations), an edge per link.
void dump_graph_dot(const FunctionGraph& graph, std::ostream& out, const ObjectDescriber& describe = {});
// One `digraph` holding every graph as a cluster (what `--dump=flow --format=dot` prints).
void dump_graphs_dot(const std::vector<FunctionGraph*>& graphs, std::ostream& out,
                     const ObjectDescriber& describe = {});

}  // namespace rpp::flow
