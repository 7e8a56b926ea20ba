// `--dump=annotate`: every annotated graph as text, in the flow dump's layout with each
// variable's annotation where it is defined, and a signature line per function:
//
//   graph count(n: int) -> nonneg int  # prog.py:3
//   block0(v0: int):
//       v1: bool = lt(v0, 10)  # 4:11
//       switch v1
//         False -> return(v0)
//         True -> block1(v0)
//
// Graphs come in the order the annotator discovered them; variables are renumbered per graph;
// nothing depends on addresses.
#pragma once
#include <ostream>

#include "annotator/annotator.h"
#include "translator/flow/const_repr.h"

namespace rpp::annotator {

void dump_annotations(const Annotator& annotator, std::ostream& out,
                      const flow::ObjectDescriber& describe = {});
void dump_annotated_graph(const flow::FunctionGraph& graph, std::ostream& out,
                          const flow::ObjectDescriber& describe = {});
// `count(n: int) -> nonneg int`
std::string signature_line(const flow::FunctionGraph& graph);

}  // namespace rpp::annotator
