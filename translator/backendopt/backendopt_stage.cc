// The backendopt stage (backendopt_stage.h).
#include "translator/backendopt/backendopt_stage.h"

#include <cctype>
#include <cstdio>
#include <set>
#include <string>

#include "rtyper/rtype_stage.h"
#include "rtyper/rtyper.h"
#include "translator/backendopt/backendopt.h"
#include "rtyper/lltype/operation_table.h"
#include "translator/diagnostics.h"
#include "translator/flow/checkgraph.h"
#include "translator/ll/ll_typecheck.h"

namespace rpp::backendopt {

namespace {

// A checker problem without its block names (`block12` -> `block#`): the optimizations renumber
// blocks, so a problem the rtyper's graph already had is recognized by its kind and graph.
std::string without_block_numbers(const std::string& problem) {
  std::string out;
  for (size_t i = 0; i < problem.size();) {
    if (problem.compare(i, 5, "block") == 0 && i + 5 < problem.size() && std::isdigit((unsigned char)problem[i + 5])) {
      out += "block#";
      i += 5;
      while (i < problem.size() && std::isdigit((unsigned char)problem[i])) ++i;
    } else {
      out += problem[i++];
    }
  }
  return out;
}

}  // namespace

void run_backendopt_stage(TranslationContext& context) {
  if (!context.rtyper) throw UserError("rpp: error: the backendopt stage needs the rtype stage");
  BackendOptOptions options;
  options.level = context.options.opt;
  std::vector<flow::FunctionGraph*> graphs = context.rtyper->all_graphs();
  flow::CheckOptions check;
  check.can_raise = [](const flow::Operation& op) {
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    return !info || info->can_raise();
  };
  // What the checker already says about the rtyper's graphs is not this stage's to report.
  std::set<std::string> known;
  if (options.level > 0)
    for (flow::FunctionGraph* g : graphs)
      for (const std::string& p : flow::check_graph(*g, check)) known.insert(g->name + ": " + without_block_numbers(p));
  BackendOptStats stats = optimize_graphs(graphs, options);
  // The optimized graphs must still type-check and keep the graph model's invariants: a mistake
  // here is the toolchain's, said plainly.
  if (options.level > 0) {
    std::string problems;
    for (flow::FunctionGraph* g : graphs) {
      for (const std::string& p : ll::check_ll_graph(*g, *context.types)) problems += "\n  " + g->name + ": " + p;
      for (const std::string& p : flow::check_graph(*g, check))
        // Helper graphs of the rtyper have operations without locations; not ours to report.
        if (!known.count(g->name + ": " + without_block_numbers(p)) && p.find("has no source location") == std::string::npos)
          problems += "\n  " + g->name + ": " + p;
    }
    if (!problems.empty())
      throw UserError("rpp: internal error: the backend optimizations made broken graphs (use --opt=0 to avoid "
                      "them):" + problems, 70);
  }
  context.summary_notes.push_back(stats.summary());
}

void dump_backendopt_stage(TranslationContext& context, std::ostream& out) {
  rtyper::dump_rtype_stage(context, out);
}

}  // namespace rpp::backendopt
