// The stage table and the loop that runs it, with per-stage timing and dumps.
#include "translator/driver/pipeline.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "translator/diagnostics.h"

namespace rpp {

const std::vector<Stage>& pipeline_stages() {
  static const std::vector<Stage> stages = {
      {"flow", "Foundation, part 2"},
      {"annotate", "Annotator"},
      {"rtype", "RTyper, part 1"},
      {"jit", "JIT codewriter"},
      {"backendopt", "Backend optimizations"},
      {"gc", "A precise generational GC"},
      {"emit", "C++ emission"},
  };
  return stages;
}

namespace {

void write_dump(TranslationContext& context, const Stage& stage) {
  const auto& o = context.options;
  if (o.dump_dir.empty()) {
    stage.dump(context, std::cout);
    std::cout.flush();
    return;
  }
  std::filesystem::create_directories(o.dump_dir);
  std::string ext = o.dump_format == "text" ? "txt" : o.dump_format;
  std::string file = o.dump_dir + "/" + std::string(stage.name) + "." + ext;
  std::ofstream out(file);
  if (!out) throw UserError("rpp translate: error: cannot write " + file);
  stage.dump(context, out);
}

}  // namespace

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
    stage.run(context);
    if (o.dumps.count(std::string(stage.name))) {
      if (!stage.dump)
        throw UserError("rpp translate: error: the '" + std::string(stage.name) +
                        "' stage has no dump yet");
      write_dump(context, stage);
    }
  }
}

}  // namespace rpp
