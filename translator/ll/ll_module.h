// An LL module: low-level graphs with the types they use, as parsed from LL text (or assembled by
// a test). Later stages are tested LL in -> LL out on modules. The types live in an arena the
// module owns or borrows (a TranslationContext's); the runtime's types are always defined in it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "rtyper/lltype/type_arena.h"
#include "translator/flow/model.h"

namespace rpp::ll {

class LLModule {
 public:
  LLModule();                                     // with its own type arena
  explicit LLModule(lltype::TypeArena& borrowed);  // with a context's arena
  LLModule(const LLModule&) = delete;
  LLModule& operator=(const LLModule&) = delete;

  lltype::TypeArena& types() { return *types_; }
  const lltype::TypeArena& types() const { return *types_; }

  // Graphs in the order they were added (the order of the LL text).
  const std::vector<std::unique_ptr<flow::FunctionGraph>>& graphs() const { return graphs_; }
  flow::FunctionGraph* add_graph(std::unique_ptr<flow::FunctionGraph> graph);
  flow::FunctionGraph* find_graph(const std::string& name) const;
  std::vector<flow::FunctionGraph*> graph_list() const;

 private:
  std::unique_ptr<lltype::TypeArena> owned_types_;
  lltype::TypeArena* types_;
  std::vector<std::unique_ptr<flow::FunctionGraph>> graphs_;
};

// The function type of a low-level graph: its start block's argument types and its return
// block's type (every one must be set).
const lltype::FuncType* graph_func_type(const flow::FunctionGraph& graph, lltype::TypeArena& arena);

}  // namespace rpp::ll
