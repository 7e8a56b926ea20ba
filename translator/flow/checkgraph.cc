// The graph checker (see checkgraph.h for the invariants).
#include "translator/flow/checkgraph.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "translator/flow/graph_analysis.h"
#include "translator/flow/operations.h"

namespace rpp::flow {

namespace {

bool is_bool_case(const Constant* c) { return c && std::holds_alternative<bool>(c->value); }

class Checker {
 public:
  Checker(const FunctionGraph& graph, const CheckOptions& options) : graph_(graph), options_(options) {}

  std::vector<std::string> run() {
    if (!graph_.startblock) return {"the graph has no start block"};
    if (!graph_.returnblock || !graph_.exceptblock) return {"the graph has no return or except block"};
    blocks_ = graph_.iterblocks();
    for (size_t i = 0; i < blocks_.size(); ++i) number_[blocks_[i]] = i;
    check_reachability();
    check_final_blocks();
    collect_definitions();
    for (Block* b : blocks_) check_block(b);
    return std::move(errors_);
  }

 private:
  std::string name(const Block* b) const {
    if (b == graph_.returnblock) return "the return block";
    if (b == graph_.exceptblock) return "the except block";
    auto it = number_.find(b);
    return it == number_.end() ? "an unreachable block" : "block" + std::to_string(it->second);
  }

  void error(std::string message) { errors_.push_back(std::move(message)); }

  void check_reachability() {
    auto boost_reachable = reachable_blocks(graph_);
    std::unordered_set<const Block*> a(blocks_.begin(), blocks_.end());
    std::unordered_set<const Block*> b(boost_reachable.begin(), boost_reachable.end());
    if (a != b) error("Boost.Graph's reachability disagrees with iterblocks()");
    // Every reachable block has a chain of immediate dominators up to the start block.
    auto idom = immediate_dominators(graph_);
    for (Block* blk : blocks_)
      if (!dominates(idom, graph_.startblock, blk)) error(name(blk) + " is not dominated by the start block");
  }

  void check_final_blocks() {
    if (graph_.startblock == graph_.returnblock || graph_.startblock == graph_.exceptblock)
      error("the start block is the return or except block");
    if (graph_.returnblock->inputargs.size() != 1) error("the return block must have one input argument");
    if (graph_.exceptblock->inputargs.size() != 2) error("the except block must have two input arguments");
    for (Block* b : {graph_.returnblock, graph_.exceptblock}) {
      if (!b->operations.empty()) error(name(b) + " has operations");
      if (!b->exits.empty()) error(name(b) + " has exits");
      if (b->exitswitch) error(name(b) + " has an exitswitch");
    }
    for (Link* link : graph_.iterlinks())
      if (link->target == graph_.startblock)
        error("a link from " + name(link->prevblock) + " enters the start block");
  }

  // Every definition of every variable, to find variables defined twice.
  void collect_definitions() {
    auto define = [&](const Variable* v, const Block* b, const char* what) {
      if (!v) {
        error(name(b) + ": a null " + std::string(what));
        return;
      }
      auto [it, fresh] = defined_in_.emplace(v, b);
      if (!fresh) error(name(b) + ": a variable (" + what + ") is already defined in " + name(it->second));
    };
    for (Block* b : blocks_) {
      for (Variable* v : b->inputargs) define(v, b, "input argument");
      for (auto& op : b->operations) define(op.result, b, ("result of " + op.opname).c_str());
      for (auto& link : b->exits) {
        if (link->last_exception) define(link->last_exception, b, "last_exception");
        if (link->last_exc_value) define(link->last_exc_value, b, "last_exc_value");
      }
    }
  }

  void check_use(const Value* v, const Block* b, const std::unordered_set<const Value*>& visible,
                 const std::string& where) {
    if (!v) {
      error(name(b) + ": null value in " + where);
      return;
    }
    if (!v->is_variable()) return;
    if (visible.count(v)) return;
    auto it = defined_in_.find(static_cast<const Variable*>(v));
    if (it == defined_in_.end())
      error(name(b) + ": " + where + " uses a variable defined nowhere");
    else if (it->second != b)
      error(name(b) + ": " + where + " uses a variable of " + name(it->second) + " (SSI: values cross blocks only as link arguments)");
    else
      error(name(b) + ": " + where + " uses a variable before its definition");
  }

  bool can_raise(const Operation& op) const {
    if (options_.can_raise) return options_.can_raise(op);
    const FlowOpInfo* info = find_flow_op(op.opname);
    return !info || info->can_raise();
  }

  void check_block(Block* b) {
    std::unordered_set<const Value*> visible(b->inputargs.begin(), b->inputargs.end());
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const Operation& op = b->operations[i];
      std::string where = "operation " + std::to_string(i) + " (" + op.opname + ")";
      if (options_.known_operation && !options_.known_operation(op.opname))
        error(name(b) + ": unknown " + where);
      if (options_.flow_level) {
        const FlowOpInfo* info = find_flow_op(op.opname);
        if (!info)
          error(name(b) + ": " + where + " is not a flow-level operation");
        else if (info->arity >= 0 && static_cast<size_t>(info->arity) != op.args.size())
          error(name(b) + ": " + where + " takes " + std::to_string(info->arity) + " arguments, not " +
                std::to_string(op.args.size()));
      }
      for (const Value* a : op.args) check_use(a, b, visible, where);
      if (!op.location.known()) error(name(b) + ": " + where + " has no source location");
      if (op.result) visible.insert(op.result);
    }
    if (b == graph_.returnblock || b == graph_.exceptblock) return;
    if (b->exits.empty()) {
      error(name(b) + " has no exits");
      return;
    }
    for (auto& link : b->exits) check_link(b, link.get(), visible);
    if (!b->exitswitch) {
      if (b->exits.size() != 1) error(name(b) + ": no exitswitch but " + std::to_string(b->exits.size()) + " exits");
      if (b->exits[0]->exitcase) error(name(b) + ": the unconditional exit has a case");
      if (b->exits[0]->last_exception || b->exits[0]->last_exc_value)
        error(name(b) + ": an exception variable on an unconditional exit");
    } else if (b->raises()) {
      check_raising_exits(b);
    } else if (b->exitswitch->is_variable()) {
      check_use(b->exitswitch, b, visible, "the exitswitch");
      check_switch_exits(b);
    } else {
      error(name(b) + ": the exitswitch is a constant other than last_exception");
    }
  }

  void check_link(Block* b, Link* link, const std::unordered_set<const Value*>& visible) {
    if (link->prevblock != b) error(name(b) + ": a link's prevblock is another block");
    if (!link->target) {
      error(name(b) + ": a link without a target");
      return;
    }
    if (link->args.size() != link->target->inputargs.size())
      error(name(b) + ": a link to " + name(link->target) + " carries " + std::to_string(link->args.size()) +
            " arguments for " + std::to_string(link->target->inputargs.size()) + " input arguments");
    std::unordered_set<const Value*> link_visible = visible;
    if (link->last_exception) link_visible.insert(link->last_exception);
    if (link->last_exc_value) link_visible.insert(link->last_exc_value);
    for (const Value* a : link->args) check_use(a, b, link_visible, "a link to " + name(link->target));
  }

  void check_raising_exits(Block* b) {
    if (b->operations.empty()) {
      error(name(b) + ": exitswitch last_exception without operations");
      return;
    }
    const Operation& last = b->operations.back();
    if (!can_raise(last)) error(name(b) + ": exitswitch last_exception after " + last.opname + ", which cannot raise");
    if (b->exits.size() < 2) error(name(b) + ": a raising block needs its normal exit and an exception exit");
    Link* normal = b->exits[0].get();
    if (normal->exitcase || normal->last_exception || normal->last_exc_value)
      error(name(b) + ": the first exit of a raising block must be the normal one");
    std::vector<const Constant*> cases;
    for (size_t i = 1; i < b->exits.size(); ++i) {
      Link* link = b->exits[i].get();
      if (!link->exitcase) {
        error(name(b) + ": exception exit " + std::to_string(i) + " has no case");
        continue;
      }
      if (!std::holds_alternative<PyObjectRef>(link->exitcase->value))
        error(name(b) + ": exception exit " + std::to_string(i) + " is not an exception class");
      if (!link->last_exception || !link->last_exc_value)
        error(name(b) + ": exception exit " + std::to_string(i) + " lacks last_exception / last_exc_value");
      for (const Value* a : link->args)
        if (a == last.result && a)
          error(name(b) + ": exception exit " + std::to_string(i) + " passes on the result of the raising operation");
      for (const Constant* c : cases)
        if (const_value_equal(c->value, link->exitcase->value))
          error(name(b) + ": two exception exits with the same class");
      cases.push_back(link->exitcase);
    }
    // last_exception / last_exc_value appear only on their own link.
    for (size_t i = 1; i < b->exits.size(); ++i) {
      Link* link = b->exits[i].get();
      for (size_t j = 0; j < b->exits.size(); ++j) {
        if (j == i) continue;
        for (const Value* a : b->exits[j]->args)
          if (a && (a == link->last_exception || a == link->last_exc_value))
            error(name(b) + ": exit " + std::to_string(j) + " uses the exception variables of exit " + std::to_string(i));
      }
    }
  }

  void check_switch_exits(Block* b) {
    std::vector<const Constant*> cases;
    bool all_bool = true;
    for (size_t i = 0; i < b->exits.size(); ++i) {
      Link* link = b->exits[i].get();
      if (link->last_exception || link->last_exc_value)
        error(name(b) + ": exception variables on a switch exit");
      if (!link->exitcase) {
        error(name(b) + ": switch exit " + std::to_string(i) + " has no case");
        continue;
      }
      if (std::holds_alternative<DefaultCase>(link->exitcase->value) && i + 1 != b->exits.size())
        error(name(b) + ": the default case must be the last exit");
      for (const Constant* c : cases)
        if (const_value_equal(c->value, link->exitcase->value))
          error(name(b) + ": two switch exits with the same case");
      if (!is_bool_case(link->exitcase)) all_bool = false;
      cases.push_back(link->exitcase);
    }
    if (all_bool && cases.size() != 2 && !cases.empty())
      error(name(b) + ": a bool switch needs exactly the cases False and True");
  }

  const FunctionGraph& graph_;
  const CheckOptions& options_;
  std::vector<Block*> blocks_;
  std::unordered_map<const Block*, size_t> number_;
  std::unordered_map<const Variable*, const Block*> defined_in_;
  std::vector<std::string> errors_;
};

}  // namespace

std::vector<std::string> check_graph(const FunctionGraph& graph, const CheckOptions& options) {
  return Checker(graph, options).run();
}

void assert_graph_ok(const FunctionGraph& graph, const CheckOptions& options) {
  auto errors = check_graph(graph, options);
  if (errors.empty()) return;
  std::string message = "graph " + graph.name + " breaks the graph model's invariants:";
  for (auto& e : errors) message += "\n  " + e;
  throw GraphCheckError(message);
}

}  // namespace rpp::flow
