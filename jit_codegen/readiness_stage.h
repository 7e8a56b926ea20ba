// The JIT-readiness check as part of `rpp translate --jit`: run after the rtype stage (also with
// `--stop-after=rtype`) and as the `jit` stage until the codewriter exists; its problems are
// located errors (exit code 2), and `--dump=jit` prints the report (portals, greens and reds with
// their types, graphs the JIT would trace).
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::jit_codegen {

// Checks once per translation (later calls do nothing); throws UserError listing every problem.
void run_readiness_check(TranslationContext& context);
void run_jit_stage(TranslationContext& context);
void dump_jit_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::jit_codegen
