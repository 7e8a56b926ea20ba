// LLModule (ll_module.h).
#include "translator/ll/ll_module.h"

#include "rtyper/lltype/runtime_types.h"

namespace rpp::ll {

LLModule::LLModule() : owned_types_(std::make_unique<lltype::TypeArena>()), types_(owned_types_.get()) {
  lltype::define_runtime_types(*types_);
}

LLModule::LLModule(lltype::TypeArena& borrowed) : types_(&borrowed) { lltype::define_runtime_types(*types_); }

flow::FunctionGraph* LLModule::add_graph(std::unique_ptr<flow::FunctionGraph> graph) {
  graphs_.push_back(std::move(graph));
  return graphs_.back().get();
}

flow::FunctionGraph* LLModule::find_graph(const std::string& name) const {
  for (auto& g : graphs_)
    if (g->name == name) return g.get();
  return nullptr;
}

std::vector<flow::FunctionGraph*> LLModule::graph_list() const {
  std::vector<flow::FunctionGraph*> list;
  for (auto& g : graphs_) list.push_back(g.get());
  return list;
}

const lltype::FuncType* graph_func_type(const flow::FunctionGraph& graph, lltype::TypeArena& arena) {
  std::vector<const lltype::LowLevelType*> args;
  for (flow::Variable* v : graph.startblock->inputargs) {
    if (!v->concretetype) throw lltype::TypeError("graph " + graph.name + " has an untyped argument");
    args.push_back(v->concretetype);
  }
  auto* result = graph.returnblock->inputargs.at(0)->concretetype;
  if (!result) throw lltype::TypeError("graph " + graph.name + " has an untyped result");
  return arena.func(std::move(args), result);
}

}  // namespace rpp::ll
