// The translation pipeline: the stages of DESIGN §1 in order, each a function over the
// TranslationContext plus a dump of its output. A stage that does not exist yet has no functions,
// and asking for it says so.
#pragma once
#include <ostream>
#include <string_view>
#include <vector>

#include "translator/context.h"

namespace rpp {

struct Stage {
  std::string_view name;
  std::string_view issue;                        // where the stage is specified, while it is missing
  void (*run)(TranslationContext&) = nullptr;    // nullptr: not built yet
  void (*dump)(TranslationContext&, std::ostream&) = nullptr;
};

// Every stage, in pipeline order (the same order as kStageNames).
const std::vector<Stage>& pipeline_stages();

// Runs the stages up to options.last_stage(), writing the requested dumps. Throws UserError.
void run_pipeline(TranslationContext& context);

// The time of each stage and of the C++ compiler and linker, on standard error.
void print_stage_summary(const TranslationContext& context);

}  // namespace rpp
