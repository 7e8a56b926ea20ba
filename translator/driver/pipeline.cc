// The stage table and the loop that runs it, with per-stage timing and dumps.
#include "translator/driver/pipeline.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "annotator/annotate_stage.h"
#include "gc_transform/gc_stage.h"
#include "jit_codegen/readiness_stage.h"
#include "rtyper/rtype_stage.h"
#include "translator/backendopt/backendopt_stage.h"
#include "translator/exceptiontransform/exception_stage.h"
#include "translator/genc/emit_stage.h"
#include "translator/diagnostics.h"
#include "translator/memory_trace.h"
#include "translator/flow/flow_stage.h"
#include "translator/frontend/object_table.h"

namespace rpp {

const std::vector<Stage>& pipeline_stages() {
  static const std::vector<Stage> stages = {
      {"flow", "Foundation, part 2", flow::run_flow_stage, flow::dump_flow_stage},
      {"annotate", "Annotator", annotator::run_annotate_stage, annotator::dump_annotate_stage},
      {"rtype", "RTyper, part 1", rtyper::run_rtype_stage, rtyper::dump_rtype_stage},
      // Until the codewriter exists, the jit stage is the JIT-readiness check.
      {"jit", "JIT codewriter", jit_codegen::run_jit_stage, jit_codegen::dump_jit_stage},
      {"backendopt", "Backend optimizations", backendopt::run_backendopt_stage, backendopt::dump_backendopt_stage},
      {"exceptions", "RTyper, part 2", exceptiontransform::run_exception_stage,
       exceptiontransform::dump_exception_stage},
      {"gc", "A precise generational GC", gctransform::run_gc_stage, gctransform::dump_gc_stage},
      {"emit", "C++ emission", genc::run_emit_stage, genc::dump_emit_stage},
  };
  return stages;
}

namespace {

// Graphviz text -> SVG, with the `dot` program.
std::string render_svg(const std::string& dot_text) {
  auto dir = std::filesystem::temp_directory_path();
  std::string input = (dir / ("rpp-dump-" + std::to_string(getpid()) + ".dot")).string();
  std::string output = input + ".svg";
  {
    std::ofstream f(input);
    f << dot_text;
  }
  std::string command = "dot -Tsvg -o '" + output + "' '" + input + "'";
  int status = std::system(command.c_str());
  std::filesystem::remove(input);
  if (status != 0) throw UserError("rpp translate: error: Graphviz `dot` failed to draw the dump (is graphviz installed?)");
  std::ifstream f(output);
  std::stringstream svg;
  svg << f.rdbuf();
  std::filesystem::remove(output);
  return svg.str();
}

// A stage's dump: its text or Graphviz form (the stage reads options.dump_format), drawn as SVG
// here for --format=svg.
void write_stage_dump(TranslationContext& context, const Stage& stage, std::ostream& out) {
  if (context.options.dump_format != "svg") {
    stage.dump(context, out);
    return;
  }
  std::stringstream dot;
  stage.dump(context, dot);
  out << render_svg(dot.str());
}

void write_dump(TranslationContext& context, const Stage& stage) {
  const auto& o = context.options;
  if (o.dump_dir.empty()) {
    write_stage_dump(context, stage, std::cout);
    std::cout.flush();
    return;
  }
  std::filesystem::create_directories(o.dump_dir);
  std::string ext = o.dump_format == "text" ? "txt" : o.dump_format;
  std::string file = o.dump_dir + "/" + std::string(stage.name) + "." + ext;
  std::ofstream out(file);
  if (!out) throw UserError("rpp translate: error: cannot write " + file);
  write_stage_dump(context, stage, out);
}

// Where a stage's own time goes in the summary: before the steps it recorded itself (the C++
// compiler's time, recorded by the emit stage while it ran).
size_t stage_time_slot(const TranslationContext& context) {
  size_t slot = context.stage_times.size();
  while (slot > 0 && (context.stage_times[slot - 1].first.starts_with("c++ compile") ||
                      context.stage_times[slot - 1].first == "link"))
    --slot;
  return slot;
}

// After rtyping, the stages read low-level graphs and static data only; the JIT stage (it reads
// the JitDriver objects), the ll interpreter and dumps (they describe Python constants) keep
// Python alive until the end.
bool python_no_longer_needed(const TranslationContext& context) {
  const auto& o = context.options;
  return context.shut_down_python && !o.jit && !o.interp && o.dumps.empty();
}

}  // namespace

void print_stage_summary(const TranslationContext& context) {
  double total = 0;
  std::string text = "[rpp] translation summary:\n";
  for (const auto& [name, seconds] : context.stage_times) {
    char line[256];
    std::snprintf(line, sizeof line, "[rpp]   %-48s %8.3f s\n", name.c_str(), seconds);
    text += line;
    if (!name.starts_with("c++ compile") && name != "link") total += seconds;
  }
  char line[256];
  std::snprintf(line, sizeof line, "[rpp]   %-48s %8.3f s\n", "total (stages)", total);
  text += line;
  for (const auto& note : context.summary_notes) text += "[rpp] " + note + "\n";
  // rpp's own peak resident memory (VmHWM); the C++ compiler and the linker are other processes.
  std::snprintf(line, sizeof line, "[rpp] peak memory: %.1f MB resident (rpp itself, without the C++ compiler)\n",
                double(read_memory_sample().peak_kb) / 1024.0);
  text += line;
  if (!context.executable.empty()) text += "[rpp] wrote " + context.executable + "\n";
  std::fputs(text.c_str(), stderr);
}

void run_pipeline(TranslationContext& context) {
  const auto& o = context.options;
  const auto& stages = pipeline_stages();
  int last = o.last_stage();
  for (int i = 0; i <= last; ++i) {
    const Stage& stage = stages[i];
    if (stage.name == "jit" && !o.jit) continue;
    if (!stage.run) {
      throw UserError("rpp translate: error: the '" + std::string(stage.name) +
                      "' stage does not exist yet (issue \"" + std::string(stage.issue) +
                      "\"); the pipeline ends before it. Use --stop-after to stop earlier.");
    }
    auto started = std::chrono::steady_clock::now();
    stage.run(context);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    context.stage_times.insert(context.stage_times.begin() + stage_time_slot(context), {std::string(stage.name), seconds});
    // Every graph is built once the annotator is done: the frontend's syntax trees can go.
    if (stage.name == "annotate" && context.objects) {
      context.objects->forget_sources();
      release_free_memory();
      trace_memory("sources forgotten");
    }
    trace_memory("after " + std::string(stage.name));
    // `--jit --stop-after=rtype` checks that the program is ready for the JIT.
    if (stage.name == "rtype" && o.jit && last == i) jit_codegen::run_readiness_check(context);
    if (o.dumps.count(std::string(stage.name))) {
      if (!stage.dump)
        throw UserError("rpp translate: error: the '" + std::string(stage.name) +
                        "' stage has no dump yet");
      write_dump(context, stage);
    }
    if (stage.name == "rtype" && i < last && python_no_longer_needed(context)) {
      context.shut_down_python();
      context.shut_down_python = nullptr;
      release_free_memory();
      trace_memory("Python shut down");
    }
  }
}

}  // namespace rpp
