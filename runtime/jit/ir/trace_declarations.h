// Declarations in trace files (struct, object, array, rawarray, rawstruct, call; syntax in
// trace_parser.h): they lay out test types by the rules of runtime/layout.h and register the
// resulting descriptors, GC type infos and class vtables in a TraceNamespace.
#pragma once
#include <string_view>

#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

class LineCursor;

bool is_declaration_keyword(std::string_view word);

// Parses one declaration line (the cursor is at its keyword). Throws TraceParseError.
void parse_declaration(LineCursor& cur, TraceNamespace& names);

}  // namespace rpp::jit
