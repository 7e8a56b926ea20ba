// The flow stage: a FlowSpace over the frontend's object table, and its dumps.
#include "translator/flow/flow_stage.h"

#include "translator/flow/dump.h"
#include "translator/flow/flow_space.h"

namespace rpp::flow {

void run_flow_stage(TranslationContext& context) {
  if (!context.flow)
    context.flow = std::make_shared<FlowSpace>(*context.objects, context.options.check_asserts);
  // When the annotator runs next, it flows what it reaches, on demand.
  if (context.options.last_stage() > *stage_index("flow")) return;
  flow_live_functions(*context.flow);
}

void dump_flow_stage(TranslationContext& context, std::ostream& out) {
  FlowSpace& space = *context.flow;
  ObjectDescriber describe = [&](PyObjectRef ref) { return space.describe(ref); };
  if (context.options.dump_format != "text") {
    dump_graphs_dot(space.graphs(), out, describe);
    return;
  }
  bool first = true;
  for (FunctionGraph* g : space.graphs()) {
    if (!first) out << "\n";
    first = false;
    dump_graph(*g, out, describe);
  }
}

}  // namespace rpp::flow
