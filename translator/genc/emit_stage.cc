// The emit stage (emit_stage.h).
#include "translator/genc/emit_stage.h"

#include <unistd.h>

#include <filesystem>

#include "translator/genc/cxx_build.h"
#include "translator/genc/program_writer.h"

namespace rpp::genc {

namespace fs = std::filesystem;

void run_emit_stage(TranslationContext& context) {
  auto program = std::make_shared<CppProgram>(write_program(context));
  // The units' text stays in memory for --dump=emit only (a second copy of 2.4 MB for Lox).
  context.emitted_units.clear();
  if (context.options.dumps.count("emit"))
    for (const CppUnit& u : program->units) context.emitted_units.emplace_back(u.name, u.text);
  BuildOptions options;
  options.rpp_home = context.rpp_home;
  options.output = context.options.output.empty() ? context.options.default_output() : context.options.output;
  options.gc = context.options.gc;
  options.address_sanitizer = context.options.sanitize == "address";
  bool keep = !context.options.dump_dir.empty();
  options.sources_dir = keep ? (fs::path(context.options.dump_dir) / "emit").string()
                             : (fs::temp_directory_path() / ("rpp-emit-" + std::to_string(getpid()))).string();
  BuildReport report = build_executable(*program, options);
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
