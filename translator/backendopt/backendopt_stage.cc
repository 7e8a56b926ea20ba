// The backendopt stage (backendopt_stage.h).
#include "translator/backendopt/backendopt_stage.h"

#include <cstdio>

#include "rtyper/rtype_stage.h"
#include "rtyper/rtyper.h"
#include "translator/backendopt/backendopt.h"
#include "translator/diagnostics.h"
#include "translator/ll/ll_typecheck.h"

namespace rpp::backendopt {

void run_backendopt_stage(TranslationContext& context) {
  if (!context.rtyper) throw UserError("rpp: error: the backendopt stage needs the rtype stage");
  BackendOptOptions options;
  options.level = context.options.opt;
  std::vector<flow::FunctionGraph*> graphs = context.rtyper->all_graphs();
  BackendOptStats stats = optimize_graphs(graphs, options);
  // The optimized graphs must still type-check: a mistake here is the toolchain's, said plainly.
  if (options.level > 0) {
    std::string problems;
    for (flow::FunctionGraph* g : graphs)
      for (const std::string& p : ll::check_ll_graph(*g, *context.types)) problems += "\n  " + g->name + ": " + p;
    if (!problems.empty())
      throw UserError("rpp: internal error: the backend optimizations made ill-typed graphs (use --opt=0 to avoid "
                      "them):" + problems, 70);
  }
  std::fflush(stdout);
  std::fprintf(stderr, "%s\n", stats.summary().c_str());
}

void dump_backendopt_stage(TranslationContext& context, std::ostream& out) {
  rtyper::dump_rtype_stage(context, out);
}

}  // namespace rpp::backendopt
