// Type rules of low-level operations: an operation's operands and result against the operation
// table's kinds, plus the rules of the operations whose types depend on each other (getfield's
// result is the field's type, direct_call's arguments are the callee's, ...). Used by the LL
// parser (located errors) and by any stage that wants to verify the graphs it made.
#pragma once
#include <string>
#include <vector>

#include "rtyper/lltype/type_arena.h"
#include "translator/flow/model.h"

namespace rpp::ll {

// An empty string when `op` is well-typed, otherwise what is wrong (one sentence).
std::string check_operation(const flow::Operation& op, lltype::TypeArena& arena);

// The type a field path of getinteriorfield & co. leads to (field names and Signed indexes),
// or nullptr with `error` set.
const lltype::LowLevelType* interior_type(const lltype::LowLevelType* container,
                                          const std::vector<flow::Value*>& path, std::string& error);

// Every problem of a whole graph's operations and links: "block N, operation M: ...".
std::vector<std::string> check_ll_graph(const flow::FunctionGraph& graph, lltype::TypeArena& arena);

}  // namespace rpp::ll
