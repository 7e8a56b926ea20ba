// The `rtype` stage of the pipeline: rtypes the annotated program (rtyper.h), prints it as LL
// text for `--dump=rtype` (type declarations, static data, then every graph), and runs it in the
// ll interpreter for `--interp` (translator/llinterp/): entry_point([TARGET.py, ARGS...]) on the
// real runtime; its result & 0xFF is the exit code, an uncaught exception prints `Cls: msg` on
// standard error and exits 1.
#pragma once
#include <ostream>

#include "rtyper/lltype/static_data.h"
#include "translator/context.h"

namespace rpp::rtyper {

void run_rtype_stage(TranslationContext& context);
void dump_rtype_stage(TranslationContext& context, std::ostream& out);
// Runs the rtyped program in the ll interpreter; returns the process exit code.
int interpret_program(TranslationContext& context);

// The static data of the translation as text (one `prebuilt` declaration per object).
std::string print_static_data(const lltype::StaticData& data);

}  // namespace rpp::rtyper
