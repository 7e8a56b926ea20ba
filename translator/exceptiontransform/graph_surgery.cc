// Block splitting and typed helpers for the exception transform (graph_surgery.h).
#include "translator/exceptiontransform/graph_surgery.h"

#include <map>
#include <set>

namespace rpp::exceptiontransform {

using namespace flow;

Variable* typed_variable(FunctionGraph& g, const lltype::LowLevelType* type, std::string hint) {
  Variable* v = g.new_variable(std::move(hint));
  v->concretetype = type;
  return v;
}

Constant* typed_constant(FunctionGraph& g, ConstValue value, const lltype::LowLevelType* type) {
  Constant* c = g.new_constant(std::move(value));
  c->concretetype = type;
  return c;
}

Variable* append_op(FunctionGraph& g, Block* block, const std::string& opname, std::vector<Value*> args,
                    const lltype::LowLevelType* result_type, const SourceLocation& where, std::string hint) {
  Variable* result = typed_variable(g, result_type, std::move(hint));
  Operation op;
  op.opname = opname;
  op.args = std::move(args);
  op.result = result;
  op.location = where;
  block->operations.push_back(std::move(op));
  return result;
}

std::vector<Variable*> live_after(const Block* block, size_t from) {
  std::set<const Variable*> defined_here;
  for (Variable* v : block->inputargs) defined_here.insert(v);
  for (size_t i = 0; i < block->operations.size() && i < from; ++i) defined_here.insert(block->operations[i].result);
  std::vector<Variable*> live;
  std::set<const Variable*> seen;
  auto use = [&](Value* value) {
    auto* v = dynamic_cast<Variable*>(value);
    if (v && defined_here.count(v) && seen.insert(v).second) live.push_back(v);
  };
  for (size_t i = from; i < block->operations.size(); ++i)
    for (Value* a : block->operations[i].args) use(a);
  if (block->exitswitch) use(block->exitswitch);
  for (const auto& link : block->exits)
    for (Value* a : link->args) use(a);
  return live;
}

SplitResult split_block(FunctionGraph& g, Block* block, size_t from) {
  std::vector<Variable*> live = live_after(block, from);
  std::map<const Value*, Value*> rename;
  std::vector<Variable*> inputs;
  for (Variable* v : live) {
    Variable* copy = typed_variable(g, v->concretetype, v->name_hint);
    rename[v] = copy;
    inputs.push_back(copy);
  }
  auto renamed = [&](Value* v) -> Value* {
    auto it = rename.find(v);
    return it == rename.end() ? v : it->second;
  };
  Block* rest = g.new_block(inputs);
  for (size_t i = from; i < block->operations.size(); ++i) {
    Operation op = std::move(block->operations[i]);
    for (Value*& a : op.args) a = renamed(a);
    rest->operations.push_back(std::move(op));
  }
  block->operations.resize(from);
  rest->exitswitch = block->exitswitch ? renamed(block->exitswitch) : nullptr;
  block->exitswitch = nullptr;
  for (auto& link : block->exits) {
    for (Value*& a : link->args) a = renamed(a);
    link->prevblock = rest;
    rest->exits.push_back(std::move(link));
  }
  block->exits.clear();
  SplitResult result;
  result.rest = rest;
  for (Variable* v : live) result.pass.push_back(v);
  return result;
}

Constant* zero_constant(FunctionGraph& g, const lltype::LowLevelType* type) {
  using namespace lltype;
  ConstValue value = NoneValue{};
  if (auto* p = as<Primitive>(type)) {
    switch (p->prim()) {
      case PrimitiveKind::Void: value = NoneValue{}; break;
      case PrimitiveKind::Unsigned:
      case PrimitiveKind::UnsignedLongLong: value = uint64_t(0); break;
      case PrimitiveKind::Float: value = 0.0; break;
      case PrimitiveKind::Bool: value = false; break;
      case PrimitiveKind::Address: value = NoneValue{}; break;
      default: value = int64_t(0); break;
    }
  }
  return typed_constant(g, value, type);
}

}  // namespace rpp::exceptiontransform
