// The pipeline's `gc` stage (DESIGN §1): the GC transform on every low-level graph, after the
// exception transform. Under --gc=gen: write barriers, shadow-stack roots, then the allocations
// (malloc → gc_malloc_fixed / gc_malloc_varsize with the type table's ids and sizes). Under
// --gc=boehm only the type table (C++ emission takes every type id from it). The dump is the
// graphs after the stage, preceded by the type table as `; ` lines.
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::gctransform {

void run_gc_stage(TranslationContext& context);
void dump_gc_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::gctransform
