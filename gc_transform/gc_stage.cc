// The gc stage (gc_stage.h).
#include "gc_transform/gc_stage.h"

#include "gc_transform/allocation_fast_paths.h"
#include "gc_transform/shadow_stack_roots.h"
#include "gc_transform/type_info_tables.h"
#include "gc_transform/write_barriers.h"
#include "rtyper/rtype_stage.h"
#include "rtyper/rtyper.h"
#include "translator/diagnostics.h"

namespace rpp::gctransform {

void run_gc_stage(TranslationContext& context) {
  if (!context.rtyper || context.gc_types) return;
  if (!context.exceptions_transformed)
    throw UserError("rpp translate: error: the gc stage needs the exception transform (the exceptions stage)");
  std::vector<flow::FunctionGraph*> graphs = context.rtyper->all_graphs();
  context.gc_types = std::make_shared<GcTypeTable>(*context.types, graphs);
  if (context.options.gc != "gen") return;
  size_t barriers = insert_write_barriers(graphs);
  RootStats roots = insert_shadow_stack_roots(graphs);
  size_t mallocs = lower_gc_mallocs(graphs, *context.gc_types);
  context.gc_transformed = true;
  context.summary_notes.push_back("gc: " + std::to_string(mallocs) + " allocation fast paths, " +
                                  std::to_string(barriers) + " write barriers, " + std::to_string(roots.saves) +
                                  " root saves (" + std::to_string(roots.roots_saved) + " roots), " +
                                  std::to_string(context.gc_types->entries().size()) + " GC types");
}

void dump_gc_stage(TranslationContext& context, std::ostream& out) {
  if (context.gc_types) {
    std::string table = context.gc_types->dump();
    for (size_t start = 0; start < table.size();) {
      size_t end = table.find('\n', start);
      out << "; " << table.substr(start, end - start) << "\n";
      start = end + 1;
    }
  }
  rtyper::dump_rtype_stage(context, out);
}

}  // namespace rpp::gctransform
