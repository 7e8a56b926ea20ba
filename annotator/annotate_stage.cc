// The annotate stage: graphs from the FlowSpace, Python objects from the object table.
#include "annotator/annotate_stage.h"

#include <cstdio>

#include "annotator/annotator.h"
#include "annotator/dump.h"
#include "annotator/python_objects.h"
#include "annotator/type_hints.h"
#include "annotator/union.h"
#include "translator/diagnostics.h"
#include "translator/flow/flow_space.h"
#include "translator/frontend/object_table.h"

namespace rpp::annotator {

// Graphs on demand from the flow stage's FlowSpace, with the annotator's call chain for errors.
class FlowGraphSource : public GraphSource {
 public:
  explicit FlowGraphSource(flow::FlowSpace& space) : space_(space) {}
  flow::FunctionGraph* build_graph(FunctionDesc& func, const std::string&, const std::string& suffix,
                                   const std::vector<std::optional<flow::ConstValue>>& constant_args,
                                   const Annotator& caller) override {
    flow::SpecializationKey key;
    key.suffix = suffix;
    key.constant_args = constant_args;
    std::shared_ptr<const flow::ReachedFrom> from;
    Position here = caller.current_position();
    if (here.graph) {
      auto chain = caller.call_chain(here.graph);
      for (const auto& [g, loc] : chain)
        from = std::make_shared<flow::ReachedFrom>(flow::ReachedFrom{g->name, loc, from});
      flow::SourceLocation loc;
      if (const flow::Operation* op = caller.current_operation()) loc = op->location;
      from = std::make_shared<flow::ReachedFrom>(flow::ReachedFrom{here.graph->name, loc, from});
    }
    return space_.graph_for(*func.pyobj, key, from);
  }

 private:
  flow::FlowSpace& space_;
};

Annotation::Annotation(TranslationContext& context)
    : graphs_(std::make_unique<FlowGraphSource>(*context.flow)),
      annotator_(std::make_unique<Annotator>(*graphs_)),
      python_(std::make_unique<PythonObjects>(annotator_->bookkeeper(), *context.objects)) {
  frontend::ObjectTable* table = context.objects.get();
  annotator_->set_source_reader(
      [table](const std::string& file, int line) { return table->source_line(file, line); });
}

Annotation::~Annotation() = default;

void run_annotate_stage(TranslationContext& context) {
  if (!context.flow)
    context.flow = std::make_shared<flow::FlowSpace>(*context.objects, context.options.check_asserts);
  auto annotation = std::make_shared<Annotation>(context);
  context.annotation = annotation;
  Annotator& ann = annotation->annotator();
  Bookkeeper& bk = ann.bookkeeper();
  flow::PyObjectRef entry_ref = context.objects->entry_point();
  Desc* entry = bk.desc_for(entry_ref);
  if (!entry || entry->kind != DescKind::Function)
    throw UserError("rpp: error: the entry point is not a Python function");
  auto& func = entry->as<FunctionDesc>();
  SomeRef argv = bk.fresh_list(s_str(), true, true);
  std::vector<SomeRef> args;
  if (!func.signature.params.empty()) args.push_back(argv);
  annotation->entry_graph = ann.annotate_entry(func, args);
  check_type_hints(ann);
  SomeRef result = annotation->entry_graph->returnblock->inputargs[0]->annotation;
  if (result && !result->is(SomeKind::Impossible) && !result->is(SomeKind::None) &&
      !(result->is_integer() && !result->as<SomeInteger>().is_unsigned()))
    ann.fail_in(annotation->entry_graph, annotation->entry_graph->location,
                func.name + "() must return an int (the exit code), not " + result->repr());
  ann.finish();
  for (const auto& w : ann.warnings()) std::fprintf(stderr, "%s\n", w.c_str());
}

void dump_annotate_stage(TranslationContext& context, std::ostream& out) {
  flow::FlowSpace& space = *context.flow;
  flow::ObjectDescriber describe = [&](flow::PyObjectRef ref) { return space.describe(ref); };
  dump_annotations(context.annotation->annotator(), out, describe);
}

}  // namespace rpp::annotator
