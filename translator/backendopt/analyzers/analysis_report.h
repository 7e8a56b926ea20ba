// The text report of the call-graph analyzers, as `rpp ll-opt --analyze=...` prints it: one line
// per analysis and graph, in the module's graph order, e.g.
//   can-raise @fact: yes
//   effects @push: reads {Stack.items} writes {Stack.items, GcArray(Signed)[*]}
#pragma once
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::analyzers {

// The names accepted: can-raise, can-collect, effects, random-effects, forces-virtualizable.
const std::vector<std::string>& analysis_names();
bool is_analysis_name(const std::string& name);

// Runs the named analyses over the call graph of `graphs` and reports on each of `graphs`.
std::string analysis_report(const std::vector<flow::FunctionGraph*>& graphs, const std::vector<std::string>& names);

}  // namespace rpp::analyzers
