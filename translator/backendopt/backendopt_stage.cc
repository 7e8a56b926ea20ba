// The backendopt stage (backendopt_stage.h).
#include "translator/backendopt/backendopt_stage.h"

#include <cstdio>

#include "rtyper/rtype_stage.h"
#include "rtyper/rtyper.h"
#include "translator/backendopt/backendopt.h"
#include "translator/diagnostics.h"

namespace rpp::backendopt {

void run_backendopt_stage(TranslationContext& context) {
  if (!context.rtyper) throw UserError("rpp: error: the backendopt stage needs the rtype stage");
  BackendOptOptions options;
  options.level = context.options.opt;
  BackendOptStats stats = optimize_graphs(context.rtyper->all_graphs(), options);
  std::fflush(stdout);
  std::fprintf(stderr, "%s\n", stats.summary().c_str());
}

void dump_backendopt_stage(TranslationContext& context, std::ostream& out) {
  rtyper::dump_rtype_stage(context, out);
}

}  // namespace rpp::backendopt
