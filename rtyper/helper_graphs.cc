// Low-level helper graphs (helper_graphs.h).
#include "rtyper/helper_graphs.h"

#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

LowLevelGraphBuilder::LowLevelGraphBuilder(RTyper& rtyper, const std::string& name,
                                           const std::vector<const LowLevelType*>& params, const LowLevelType* result,
                                           flow::SourceLocation location)
    : rtyper_(rtyper), graph_(std::make_unique<flow::FunctionGraph>(name)), location_(std::move(location)) {
  graph_->location = location_;
  graph_->startblock = block(params);
  graph_->returnblock->inputargs[0]->concretetype = result;
  const RuntimeTypes& rt = rtyper.runtime_types();
  graph_->exceptblock->inputargs[0]->concretetype = rtyper.types().ptr(rt.object_vtable);
  graph_->exceptblock->inputargs[1]->concretetype = rtyper.types().ptr(rt.object);
}

Block* LowLevelGraphBuilder::block(const std::vector<const LowLevelType*>& types) {
  std::vector<flow::Variable*> vars;
  for (const LowLevelType* t : types) {
    flow::Variable* v = graph_->new_variable();
    v->concretetype = t;
    vars.push_back(v);
  }
  return graph_->new_block(std::move(vars));
}

void LowLevelGraphBuilder::append(Block* b, LowLevelOps& ops) {
  for (auto& op : ops.operations()) b->operations.push_back(std::move(op));
  ops.operations().clear();
}

void LowLevelGraphBuilder::goto_(Block* from, Block* to, std::vector<Value*> args) { from->add_exit(to, std::move(args)); }

void LowLevelGraphBuilder::return_(Block* from, Value* value) { from->add_exit(graph_->returnblock, {value}); }

void LowLevelGraphBuilder::raise_(Block* from, Value* etype, Value* evalue) {
  from->add_exit(graph_->exceptblock, {etype, evalue});
}

void LowLevelGraphBuilder::branch(Block* from, Value* cond, Block* to_true, std::vector<Value*> args_true, Block* to_false,
                                  std::vector<Value*> args_false) {
  from->exitswitch = cond;
  flow::Constant* f = graph_->new_constant(false);
  f->concretetype = &Bool;
  flow::Constant* t = graph_->new_constant(true);
  t->concretetype = &Bool;
  flow::Link* lf = from->add_exit(to_false, std::move(args_false), f);
  lf->llexitcase = f;
  flow::Link* lt = from->add_exit(to_true, std::move(args_true), t);
  lt->llexitcase = t;
}

flow::FunctionGraph* HelperGraphs::get(const std::string& name,
                                       const std::function<std::unique_ptr<flow::FunctionGraph>()>& make) {
  auto it = made_.find(name);
  if (it != made_.end()) return it->second;
  flow::FunctionGraph* g = rtyper_.add_graph(make());
  made_[name] = g;
  return g;
}

}  // namespace rpp::rtyper
