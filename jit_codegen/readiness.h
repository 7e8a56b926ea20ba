// The JIT-readiness check (the first piece of jit_codegen/): whether the rtyped program can be
// turned into jitcodes, checked before any jitcode exists, with every problem reported at its
// source line. For each `jit_marker("jit_merge_point", driver, greens..., reds...)`:
//  - the variables live across the merge point (non-Void, used after it) are exactly its greens
//    and reds: a live variable that is neither would be lost when the JIT enters or leaves;
//  - greens have immutable types: integers, floats, chars, str, pointers to immutable structs
//    and arrays, or containers that no code reachable from the portal writes (effects analysis);
//    a green field `obj.x` must be an immutable field;
// and for every graph the JIT would trace (reachable from the portal through calls, not through
// dont_look_inside or elidable graphs, which stay residual calls):
//  - every variable has a register kind: int (integers, bools, chars, addresses, raw pointers),
//    ref (GC pointers) or float; Void values need none;
//  - every call has effect info from the analyzers: its targets are known graphs or runtime
//    helpers of the helper table (an indirect_call without its set of graphs has none).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::jit_codegen {

// What a JitDriver declares (names as written in JitDriver(greens=..., reds=...)).
struct DriverShape {
  std::string name;
  std::vector<std::string> greens;  // may contain "obj.field"
  std::vector<std::string> reds;
  bool autoreds = false;
};

// The driver of a jit_marker's second operand (nullopt: unknown driver).
using DriverLookup = std::function<std::optional<DriverShape>(const flow::Constant& driver)>;

struct ReadinessProblem {
  flow::SourceLocation location;
  std::string message;
};

struct ReadinessReport {
  struct Portal {
    const flow::FunctionGraph* graph = nullptr;
    std::string driver;
    std::vector<std::string> greens;  // "name: TYPE"
    std::vector<std::string> reds;
    size_t traced_graphs = 0;         // graphs the JIT would trace from this portal
    size_t calls = 0;                 // calls in them, all with effect info when no problem
    std::vector<std::string> call_effects;  // "@callee: reads {...} writes {...}", once each
  };
  std::vector<Portal> portals;
  std::vector<ReadinessProblem> problems;
};

// The register kind of a low-level type: 'i', 'r', 'f', 'v' (Void), or 0 (none).
char register_kind(const lltype::LowLevelType* type);

ReadinessReport check_jit_readiness(const std::vector<flow::FunctionGraph*>& graphs, const DriverLookup& drivers);

// `FILE:LINE:COL: error: MESSAGE` (plus `  (inlined from ...)` lines), one per problem.
std::string format_problems(const std::vector<ReadinessProblem>& problems);
// The report as text (`--dump=jit`): one paragraph per portal.
std::string format_report(const ReadinessReport& report);

}  // namespace rpp::jit_codegen
