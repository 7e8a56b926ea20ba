// The `backendopt` stage of the pipeline: the backend optimizations (backendopt.h) at the
// `--opt` level over every low-level graph of the translation, the summary line on standard
// error (`backendopt: N calls inlined, N mallocs removed, ...`), and `--dump=backendopt`: the
// optimized module in the same form as `--dump=rtype` (types, static data, graphs).
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::backendopt {

void run_backendopt_stage(TranslationContext& context);
void dump_backendopt_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::backendopt
