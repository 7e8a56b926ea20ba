// Editing tools shared by the backend optimizations (graph_edit.h).
#include "translator/backendopt/graph_edit.h"

namespace rpp::backendopt {

using namespace flow;

Constant* typed_constant(FunctionGraph& graph, ConstValue value, const lltype::LowLevelType* type) {
  Constant* c = graph.new_constant(std::move(value));
  c->concretetype = type;
  return c;
}

Constant* zero_constant(FunctionGraph& graph, const lltype::LowLevelType* type) {
  using namespace lltype;
  if (auto* p = as<Primitive>(type)) {
    switch (p->prim()) {
      case PrimitiveKind::Signed:
      case PrimitiveKind::SignedLongLong:
      case PrimitiveKind::Char:
      case PrimitiveKind::UniChar: return typed_constant(graph, int64_t(0), type);
      case PrimitiveKind::Unsigned:
      case PrimitiveKind::UnsignedLongLong: return typed_constant(graph, uint64_t(0), type);
      case PrimitiveKind::Float: return typed_constant(graph, 0.0, type);
      case PrimitiveKind::Bool: return typed_constant(graph, false, type);
      case PrimitiveKind::Address:
      case PrimitiveKind::Void: return typed_constant(graph, NoneValue{}, type);
    }
  }
  return typed_constant(graph, NoneValue{}, type);  // null pointer
}

Variable* copy_variable(FunctionGraph& graph, const Value* like) {
  const auto* v = dynamic_cast<const Variable*>(like);
  Variable* copy = graph.new_variable(v ? v->name_hint : "");
  copy->concretetype = like->concretetype;
  return copy;
}

Value* renamed(const ValueMap& map, Value* v) {
  for (int guard = 0; guard < 1000000; ++guard) {
    auto it = map.find(v);
    if (it == map.end() || it->second == v) return v;
    v = it->second;
  }
  return v;
}

void rename_uses(Block* block, const ValueMap& map) {
  if (map.empty()) return;
  for (Operation& op : block->operations)
    for (Value*& a : op.args) a = renamed(map, a);
  if (block->exitswitch && block->exitswitch->is_variable()) block->exitswitch = renamed(map, block->exitswitch);
  for (auto& link : block->exits)
    for (Value*& a : link->args) a = renamed(map, a);
}

std::map<const Block*, std::vector<Link*>> links_into(const FunctionGraph& graph) {
  std::map<const Block*, std::vector<Link*>> result;
  for (Link* l : graph.iterlinks()) result[l->target].push_back(l);
  return result;
}

std::vector<Variable*> variables_used_from(const Block* block, size_t index) {
  std::set<const Value*> used;
  for (size_t i = index; i < block->operations.size(); ++i)
    for (Value* a : block->operations[i].args) used.insert(a);
  if (block->exitswitch) used.insert(block->exitswitch);
  for (auto& link : block->exits)
    for (Value* a : link->args) used.insert(a);
  std::vector<Variable*> result;
  for (Variable* v : block->inputargs)
    if (used.count(v)) result.push_back(v);
  for (size_t i = 0; i < index && i < block->operations.size(); ++i)
    if (used.count(block->operations[i].result)) result.push_back(block->operations[i].result);
  return result;
}

size_t operation_count(const FunctionGraph& graph) {
  size_t n = 0;
  for (Block* b : graph.iterblocks())
    for (const flow::Operation& op : b->operations)
      if (!compiles_to_nothing(op)) ++n;
  return n;
}

bool compiles_to_nothing(const flow::Operation& op) {
  // Hints and casts between the signed and unsigned word (the bounds checks of
  // rtyper/checked_index.h are made of them).
  return op.opname == "likely" || op.opname == "unlikely" ||
         op.opname == "cast_int_to_uint" || op.opname == "cast_uint_to_int";
}

}  // namespace rpp::backendopt
