// The arena and traversal of FunctionGraph, and constant equality.
#include "translator/flow/model.h"

#include <cmath>
#include <unordered_set>

namespace rpp::flow {

bool const_value_equal(const ConstValue& a, const ConstValue& b) {
  if (a.index() != b.index()) return false;
  if (auto* da = std::get_if<double>(&a)) {
    double db = std::get<double>(b);
    // Constants are equal when they are the same bits: 0.0 and -0.0 differ, NaN equals NaN.
    return std::signbit(*da) == std::signbit(db) && (*da == db || (std::isnan(*da) && std::isnan(db)));
  }
  if (auto* pa = std::get_if<std::shared_ptr<const ConstPayload>>(&a)) {
    auto& pb = std::get<std::shared_ptr<const ConstPayload>>(b);
    if (!*pa || !pb) return *pa == pb;
    return (*pa)->equals(*pb);
  }
  return a == b;
}

bool Block::raises() const {
  auto* c = dynamic_cast<Constant*>(exitswitch);
  return c && std::holds_alternative<LastExceptionMarker>(c->value);
}

Link* Block::add_exit(Block* target, std::vector<Value*> args, Constant* exitcase) {
  auto link = std::make_unique<Link>();
  link->args = std::move(args);
  link->target = target;
  link->prevblock = this;
  link->exitcase = exitcase;
  exits.push_back(std::move(link));
  return exits.back().get();
}

FunctionGraph::FunctionGraph(std::string graph_name) : name(std::move(graph_name)) {
  returnblock = new_block({new_variable("result")});
  exceptblock = new_block({new_variable("etype"), new_variable("evalue")});
}

Variable* FunctionGraph::new_variable(std::string name_hint) {
  Variable& v = variables_.emplace_back();
  v.name_hint = std::move(name_hint);
  v.serial = next_serial_++;
  return &v;
}

Constant* FunctionGraph::new_constant(ConstValue value) {
  return &constants_.emplace_back(std::move(value));
}

Block* FunctionGraph::new_block(std::vector<Variable*> inputargs) {
  Block& b = blocks_.emplace_back();
  b.inputargs = std::move(inputargs);
  return &b;
}

Constant* FunctionGraph::last_exception() {
  if (!last_exception_) last_exception_ = new_constant(LastExceptionMarker{});
  return last_exception_;
}

std::vector<Block*> FunctionGraph::iterblocks() const {
  std::vector<Block*> order;
  if (!startblock) return order;
  std::unordered_set<const Block*> seen;
  std::vector<Block*> stack{startblock};
  while (!stack.empty()) {
    Block* b = stack.back();
    stack.pop_back();
    if (!seen.insert(b).second) continue;
    order.push_back(b);
    for (auto it = b->exits.rbegin(); it != b->exits.rend(); ++it)
      if (!seen.count((*it)->target)) stack.push_back((*it)->target);
  }
  return order;
}

std::vector<Link*> FunctionGraph::iterlinks() const {
  std::vector<Link*> links;
  for (Block* b : iterblocks())
    for (auto& l : b->exits) links.push_back(l.get());
  return links;
}

}  // namespace rpp::flow
