// Low-level helper graphs the rtyper writes itself (RPython's ll helpers): small graphs with
// control flow that one operation's lowering needs (a bounds check raising IndexError, a
// nullable isinstance, bool to str...). Each is made once, by name, directly as a low-level
// graph (LowLevelGraphBuilder), owned by the RTyper and listed after the annotated graphs.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rtyper/hop.h"
#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::rtyper {

class RTyper;

// Builds a low-level graph block by block: every variable typed, every operation located at the
// helper's source location (the user's operation that first needed it).
class LowLevelGraphBuilder {
 public:
  LowLevelGraphBuilder(RTyper& rtyper, const std::string& name, const std::vector<const lltype::LowLevelType*>& params,
                       const lltype::LowLevelType* result, flow::SourceLocation location);
  flow::FunctionGraph& graph() { return *graph_; }
  std::unique_ptr<flow::FunctionGraph> take() { return std::move(graph_); }

  // A new block with typed input arguments.
  flow::Block* block(const std::vector<const lltype::LowLevelType*>& types);
  flow::Block* start() { return graph_->startblock; }
  // Operations appended to a block through a LowLevelOps.
  LowLevelOps ops() { return LowLevelOps(rtyper_, *graph_, location_); }
  void append(flow::Block* b, LowLevelOps& ops);
  // Exits.
  void goto_(flow::Block* from, flow::Block* to, std::vector<flow::Value*> args);
  void return_(flow::Block* from, flow::Value* value);
  void raise_(flow::Block* from, flow::Value* etype, flow::Value* evalue);
  // A Bool switch: `cond` true -> (to_true, args_true), false -> (to_false, args_false).
  void branch(flow::Block* from, flow::Value* cond, flow::Block* to_true, std::vector<flow::Value*> args_true,
              flow::Block* to_false, std::vector<flow::Value*> args_false);

 private:
  RTyper& rtyper_;
  std::unique_ptr<flow::FunctionGraph> graph_;
  flow::SourceLocation location_;
};

class HelperGraphs {
 public:
  explicit HelperGraphs(RTyper& rtyper) : rtyper_(rtyper) {}
  // The helper `name`, made by `make` the first time.
  flow::FunctionGraph* get(const std::string& name,
                           const std::function<std::unique_ptr<flow::FunctionGraph>()>& make);

 private:
  RTyper& rtyper_;
  std::map<std::string, flow::FunctionGraph*> made_;
};

}  // namespace rpp::rtyper
