// The `emit` stage (DESIGN §1): the transformed low-level graphs → C++ units (program_writer.h)
// → a native executable (cxx_build.h) at `-o`, default ./<target>-c. `--dump=emit` prints the
// units (with `--dump-dir DIR`, the sources are also kept in DIR/emit/).
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::genc {

void run_emit_stage(TranslationContext& context);
void dump_emit_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::genc
