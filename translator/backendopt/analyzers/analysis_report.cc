// The analyzers' text report (analysis_report.h).
#include "translator/backendopt/analyzers/analysis_report.h"

#include <algorithm>

#include "translator/backendopt/analyzers/can_collect.h"
#include "translator/backendopt/analyzers/can_raise.h"
#include "translator/backendopt/analyzers/effects.h"
#include "translator/backendopt/analyzers/forces_virtualizable.h"
#include "translator/ll/ll_constants.h"

namespace rpp::analyzers {

const std::vector<std::string>& analysis_names() {
  static const std::vector<std::string> names = {"can-raise", "can-collect", "effects", "random-effects",
                                                 "forces-virtualizable"};
  return names;
}

bool is_analysis_name(const std::string& name) {
  auto& names = analysis_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

namespace {

template <class Analysis>
void report_boolean(const std::string& name, const CallGraph& calls, const std::vector<flow::FunctionGraph*>& graphs,
                    std::string& out) {
  Analysis analysis(calls);
  for (flow::FunctionGraph* g : graphs)
    out += name + " " + ll::graph_reference(g->name) + ": " + (analysis.summary(g) ? "yes" : "no") + "\n";
}

}  // namespace

std::string analysis_report(const std::vector<flow::FunctionGraph*>& graphs, const std::vector<std::string>& names) {
  CallGraph calls(graphs);
  std::string out;
  for (const std::string& name : names) {
    if (name == "can-raise") report_boolean<CanRaiseAnalysis>(name, calls, graphs, out);
    else if (name == "can-collect") report_boolean<CanCollectAnalysis>(name, calls, graphs, out);
    else if (name == "forces-virtualizable") report_boolean<ForcesVirtualizableAnalysis>(name, calls, graphs, out);
    else if (name == "effects" || name == "random-effects") {
      EffectsAnalysis effects(calls);
      for (flow::FunctionGraph* g : graphs) {
        const Effects& e = effects.summary(g);
        out += name + " " + ll::graph_reference(g->name) + ": " +
               (name == "effects" ? e.to_string() : (e.random ? "yes" : "no")) + "\n";
      }
    }
  }
  return out;
}

}  // namespace rpp::analyzers
