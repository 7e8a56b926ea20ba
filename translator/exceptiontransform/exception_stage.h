// The stage that runs stack-check insertion and the exception transform over every low-level
// graph of the translation: the `exceptions` stage, after backendopt and before the GC
// transform. `--dump=exceptions` prints the
// transformed module as the rtype dump does.
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::exceptiontransform {

void run_exception_stage(TranslationContext& context);
void dump_exception_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::exceptiontransform
