// Printing low-level graphs as LL text (docs/ll-text.md). The output parses back to the same
// graphs, and prints again identically. Variables are renumbered per graph (`v3`, or `n_3` for a
// variable named after the Python name `n`), blocks are `b0`, `b1`, ... in depth-first order from
// the start block; nothing depends on addresses.
#pragma once
#include <string>

#include "rtyper/lltype/type_arena.h"
#include "translator/flow/model.h"
#include "translator/ll/ll_module.h"

namespace rpp::ll {

struct PrintOptions {
  bool locations = false;  // `loc("file.py":3:7)` after every operation and graph header
};

std::string print_ll_module(const LLModule& module, const PrintOptions& options = {});
std::string print_ll_graph(const flow::FunctionGraph& graph, const PrintOptions& options = {});
// The struct and opaque declarations of an arena, in declaration order, except the runtime's
// types (rtyper/lltype/runtime_types.h), which every LL module has.
std::string print_type_declarations(const lltype::TypeArena& arena);
std::string print_struct_declaration(const lltype::Struct& s);

// A constant as an operand: its literal, then `:TYPE` unless the type is the literal's default.
std::string format_ll_constant(const flow::Constant& c);
// The shortest text that reads back as the same double, always with `.`, `e`, inf or nan.
std::string format_float(double value);

// True for the names of the runtime's types (object, object_vtable, rpy_string, ...).
bool is_runtime_type_name(const std::string& name);

}  // namespace rpp::ll
