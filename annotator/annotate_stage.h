// The `annotate` stage of the pipeline: annotates the program from its entry point (argv: a
// list of str) to the fixpoint, flowing functions on demand through the flow stage's FlowSpace,
// then checks type hints and the entry point's result. The Annotation it leaves in the
// TranslationContext is what the rtyper reads (see docs/annotator.md).
#pragma once
#include <memory>
#include <ostream>

#include "translator/context.h"
#include "translator/flow/model.h"

namespace rpp::annotator {

class Annotator;
class PythonObjects;
class FlowGraphSource;

// The annotator's results, owned by the TranslationContext (context.annotation).
class Annotation {
 public:
  Annotation(TranslationContext& context);
  ~Annotation();
  Annotator& annotator() { return *annotator_; }
  PythonObjects& python() { return *python_; }
  flow::FunctionGraph* entry_graph = nullptr;

 private:
  std::unique_ptr<FlowGraphSource> graphs_;
  std::unique_ptr<Annotator> annotator_;
  std::unique_ptr<PythonObjects> python_;
};

void run_annotate_stage(TranslationContext& context);
void dump_annotate_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::annotator
