// GC mallocs → the GC's allocation operations (allocation_fast_paths.h).
#include "gc_transform/allocation_fast_paths.h"

#include <string>

#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/diagnostics.h"

namespace rpp::gctransform {

namespace {

bool is_gc_flavor(const flow::Value* v) {
  auto* c = dynamic_cast<const flow::Constant*>(v);
  if (!c) return false;
  auto* s = std::get_if<std::string>(&c->value);
  return s && *s == "gc";
}

flow::Constant* signed_constant(flow::FunctionGraph& graph, uint64_t value) {
  flow::Constant* c = graph.new_constant(int64_t(value));
  c->concretetype = &lltype::Signed;
  return c;
}

std::string located(const flow::Operation& op, const flow::FunctionGraph& graph, const std::string& message) {
  std::string where;
  if (op.location.known())
    where = *op.location.file + ":" + std::to_string(op.location.line) + ":" + std::to_string(op.location.col) + ": ";
  return where + "error: gc transform: " + message + " (in graph " + graph.name + ")";
}

}  // namespace

size_t lower_gc_mallocs(const std::vector<flow::FunctionGraph*>& graphs, GcTypeTable& table) {
  size_t lowered = 0;
  for (flow::FunctionGraph* graph : graphs)
    for (flow::Block* block : graph->iterblocks())
      for (flow::Operation& op : block->operations) {
        if (op.opname != "malloc" && op.opname != "malloc_varsize") continue;
        if (op.args.size() < 2 || !is_gc_flavor(op.args[1])) continue;
        auto* type = lltype::as<lltype::ContainerType>(
            lltype::type_constant_of(dynamic_cast<const flow::Constant*>(op.args[0])));
        uint32_t tid = type ? table.type_id_or_add(type) : 0;
        if (!tid) throw UserError(located(op, *graph, op.opname + " of a type the GC has no type id for"));
        if (op.opname == "malloc") {
          op.opname = "gc_malloc_fixed";
          op.args = {signed_constant(*graph, tid), signed_constant(*graph, lltype::allocation_size(type))};
        } else {
          if (op.args.size() != 3) throw UserError(located(op, *graph, "malloc_varsize without a length"));
          lltype::VarsizeLayout v = lltype::varsize_layout(type);
          if (!v.has_length)
            throw UserError(located(op, *graph, "a GC array without a length (" + type->to_string() + ")"));
          op.opname = "gc_malloc_varsize";
          op.args = {signed_constant(*graph, tid), op.args[2], signed_constant(*graph, v.items_offset),
                     signed_constant(*graph, v.item_size), signed_constant(*graph, v.length_offset)};
        }
        ++lowered;
      }
  return lowered;
}

}  // namespace rpp::gctransform
