// The `flow` stage of the pipeline (translator/driver/pipeline.cc): flows the live functions of
// the program and dumps their graphs.
#pragma once
#include <ostream>

#include "translator/context.h"

namespace rpp::flow {

// Makes context.flow and flows the entry point and every function its live code calls through
// a constant (the annotator, when it exists, drives flowing itself).
void run_flow_stage(TranslationContext& context);

// Every graph in build order: text, or Graphviz for --format=dot|svg (the driver renders svg).
void dump_flow_stage(TranslationContext& context, std::ostream& out);

}  // namespace rpp::flow
