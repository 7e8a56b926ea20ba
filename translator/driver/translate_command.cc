// `rpp translate`: parse options, import the target, run the pipeline.
#include <cstdio>
#include <filesystem>

#include "annotator/annotate_stage.h"
#include "annotator/python_objects.h"
#include "rtyper/rtype_stage.h"
#include "translator/context.h"
#include "translator/diagnostics.h"
#include "translator/driver/big_stack.h"
#include "translator/driver/commands.h"
#include "translator/driver/pipeline.h"
#include "translator/frontend/program.h"
#include "translator/frontend/python_host.h"
#include "translator/frontend/python_object_table.h"
#include "translator/llinterp/gc_setup.h"
#include "translator/memory_trace.h"

namespace rpp {

namespace {

// The executable goes to -o's directory: say so before translating, not when the linker fails.
void check_output_directory(const TranslateOptions& options) {
  if (options.last_stage() != *stage_index("emit") || options.interp) return;
  std::filesystem::path dir = std::filesystem::path(options.output).parent_path();
  if (dir.empty() || std::filesystem::is_directory(dir)) return;
  throw UserError("rpp translate: error: cannot write the executable '" + options.output + "': '" +
                  dir.string() + "' is not a directory");
}

}  // namespace

int translate_command(const std::string& rpp_home, const std::vector<std::string>& args) {
  std::optional<TranslateOptions> options;
  try {
    options = parse_translate_options(args);
    if (options) check_output_directory(*options);
  } catch (const UserError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return e.exit_code();
  }
  if (!options) return 0;  // --help
  // The ll interpreter allocates on the runtime's GC, installed from the main thread.
  if (options->interp) llinterp::install_gc();
  int code = run_on_big_stack([&]() -> int {
    try {
      // The host outlives the context: the context holds Python objects.
      trace_memory("start");
      frontend::PythonHost host(rpp_home, {options->target}, frontend::PythonAllocator::Compact);
      trace_memory("Python started");
      TranslationContext context;
      context.options = *options;
      context.rpp_home = rpp_home;
      std::map<std::string, std::string> driver_options = {
          {"jit", options->jit ? "1" : ""},
          {"gc", options->gc},
          {"opt", std::to_string(options->opt)},
      };
      context.program = frontend::Program::import(options->target, driver_options,
                                                  options->target_args);
      context.objects = frontend::make_object_table(*context.program);
      context.shut_down_python = [&] {
        if (context.annotation) context.annotation->python().release_python();
        context.objects->release_python();
        context.program->release_python();
        host.finalize();
      };
      release_free_memory();  // what importing freed (the modules' compiled trees)
      trace_memory("target imported");
      run_pipeline(context);
      // The summary goes to standard error once an executable is written or the backend
      // optimizations ran (their counts), before the ll interpreter runs the program (--interp).
      if (!context.executable.empty() || !context.summary_notes.empty()) print_stage_summary(context);
      if (context.options.interp) {
        std::fflush(stdout);
        return rtyper::interpret_program(context);
      }
      return 0;
    } catch (const UserError& e) {
      std::fflush(stdout);
      std::fprintf(stderr, "%s\n", e.what());
      return e.exit_code();
    }
  });
  trace_memory("exit");
  return code;
}

}  // namespace rpp
