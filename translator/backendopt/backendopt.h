// The backend optimizations in the order they run (DESIGN §1: after the JIT's codewriter, before
// the exception transform), per `--opt` level:
//   0  nothing
//   1  constant folding, dead code removal, if-chains merged into switches
//   2  also inlining by the size heuristic, then malloc removal repeated to a fixpoint (inlining
//      beyond the heuristic the calls that keep a malloc from going), then level 1's passes
// and the counts the translation summary reports.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "translator/backendopt/inline.h"
#include "translator/flow/model.h"

namespace rpp::backendopt {

struct BackendOptStats {
  size_t calls_inlined = 0;
  size_t mallocs_removed = 0;
  size_t constants_folded = 0;
  size_t dead_removed = 0;
  size_t switches_merged = 0;
  size_t reads_reused = 0;  // field reads replaced by a value known (storesink.h); not in summary()
  // `backendopt: N calls inlined, N mallocs removed, ...` (one line).
  std::string summary() const;
};

struct BackendOptOptions {
  int level = 2;
  InlineOptions inlining;
  size_t malloc_inline_limit = 300;  // callee operations inlined to let a malloc go
};

BackendOptStats optimize_graphs(const std::vector<flow::FunctionGraph*>& graphs, const BackendOptOptions& options);

// The individual steps over a set of graphs (for `rpp ll-opt --pass=...`).
size_t fold_all(const std::vector<flow::FunctionGraph*>& graphs);
size_t remove_dead_code_all(const std::vector<flow::FunctionGraph*>& graphs);
size_t merge_if_blocks_all(const std::vector<flow::FunctionGraph*>& graphs);
// Malloc removal to a fixpoint with folding and dead code removal in between; with
// `inline_to_remove`, inlining the calls that keep a malloc alive.
// Counts what it inlined, folded and removed besides the mallocs into `stats` when given.
size_t remove_mallocs_all(const std::vector<flow::FunctionGraph*>& graphs, bool inline_to_remove,
                          size_t inline_limit, BackendOptStats* stats);

}  // namespace rpp::backendopt
