// Small queries the GC transform's passes share: which values are GC pointers, and the Void
// operations they insert.
#pragma once
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::gctransform {

// A value the GC must see: a pointer to a GC container.
inline bool is_gc_pointer(const flow::Value* v) {
  return v && v->concretetype && v->concretetype->kind() == lltype::TypeKind::Ptr && v->concretetype->is_gc();
}

// An operation with a fresh Void result (the graph owns the variable).
inline flow::Operation void_operation(flow::FunctionGraph& graph, std::string opname, std::vector<flow::Value*> args,
                                      const flow::SourceLocation& location) {
  flow::Operation op;
  op.opname = std::move(opname);
  op.args = std::move(args);
  op.result = graph.new_variable();
  op.result->concretetype = &lltype::Void;
  op.location = location;
  return op;
}

}  // namespace rpp::gctransform
