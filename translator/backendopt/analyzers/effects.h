// Read/write effects analysis: which fields and array items a call of a graph (or an operation)
// may read and write, for the JIT's heap cache and effect info; "random" when it may call a
// function the toolchain cannot see (then it may read and write anything).
//
// An effect names a container and a member: `Node.value` (a field of struct Node), `GcArray(
// Signed)[*]` (the items of that array type), `GcArray(Entry)[*].key` (a field of the structs
// inlined in an array), `raw.*` (raw memory). Helpers declare theirs in runtime/helpers.def, over
// runtime types and families (`list.items`, `array[*]`). Reads of immutable fields and of
// immutable arrays' items are not effects (nothing can change them); reads of quasi-immutable
// fields are. Writes always count.
#pragma once
#include <set>
#include <string>

#include "translator/backendopt/analyzers/graph_analysis.h"

namespace rpp::analyzers {

struct Effect {
  std::string container;
  std::string member;  // a field name, `[*]`, `[*].field`, or `*`
  auto operator<=>(const Effect&) const = default;
  std::string to_string() const;
};

struct Effects {
  bool random = false;
  std::set<Effect> reads;
  std::set<Effect> writes;
  bool operator==(const Effects&) const = default;
  // `random`, or `reads {A.x, B[*]} writes {A.y}`.
  std::string to_string() const;
};

struct EffectsDomain {
  using Result = Effects;
  Result bottom() const { return {}; }
  Result top() const { return {.random = true, .reads = {}, .writes = {}}; }
  bool join(Result& into, const Result& other) const;
  Result operation(const flow::Operation& op) const;
  Result helper(const ll::HelperInfo& h) const;
  Result graph_local(const flow::FunctionGraph&) const { return {}; }
};

using EffectsAnalysis = CallGraphAnalysis<EffectsDomain>;

}  // namespace rpp::analyzers
