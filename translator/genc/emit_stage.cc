// The emit stage (emit_stage.h).
#include "translator/genc/emit_stage.h"

#include <unistd.h>

#include <filesystem>

#include "translator/genc/cxx_build.h"
#include "translator/genc/program_writer.h"

namespace rpp::genc {

namespace fs = std::filesystem;

void run_emit_stage(TranslationContext& context) {
  BuildOptions options;
  options.rpp_home = context.rpp_home;
  options.output = context.options.output.empty() ? context.options.default_output() : context.options.output;
  options.gc = context.options.gc;
  options.address_sanitizer = context.options.sanitize == "address";
  bool keep = !context.options.dump_dir.empty();
  options.sources_dir = keep ? (fs::path(context.options.dump_dir) / "emit").string()
                             : (fs::temp_directory_path() / ("rpp-emit-" + std::to_string(getpid()))).string();
  // Each unit goes to disk as soon as it is written; its text stays in memory for --dump=emit
  // only (docs/memory.md).
  context.emitted_units.clear();
  bool dump = context.options.dumps.count("emit") > 0;
  UnitBuilder builder(options);
  try {
    write_program(context, [&](const CppUnit& unit) {
      builder.add(unit);
      if (dump) context.emitted_units.emplace_back(unit.name, unit.text);
    });
  } catch (...) {
    if (!keep) fs::remove_all(options.sources_dir);  // genc could not write a unit: no stray sources
    throw;
  }
  BuildReport report = builder.finish();
  if (!keep) fs::remove_all(options.sources_dir);
  context.stage_times.emplace_back("c++ compile (" + std::to_string(report.units - report.cached) + " of " +
                                       std::to_string(report.units) + " units, " + report.compiler + ")",
                                   report.compile_seconds);
  context.stage_times.emplace_back("link", report.link_seconds);
  context.executable = options.output;
}

void dump_emit_stage(TranslationContext& context, std::ostream& out) {
  for (auto& [name, text] : context.emitted_units) out << "// ==== " << name << ".cc ====\n" << text << "\n";
}

}  // namespace rpp::genc
