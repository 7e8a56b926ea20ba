// The backend optimizations' driver (backendopt.h).
#include "translator/backendopt/backendopt.h"

#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/constant_fold.h"
#include "translator/backendopt/dead_code.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/backendopt/inline.h"
#include "translator/backendopt/malloc_removal.h"
#include "translator/backendopt/merge_if_blocks.h"
#include "translator/backendopt/storesink.h"

namespace rpp::backendopt {

using namespace flow;

std::string BackendOptStats::summary() const {
  return "backendopt: " + std::to_string(calls_inlined) + " calls inlined, " + std::to_string(mallocs_removed) +
         " mallocs removed, " + std::to_string(constants_folded) + " constants folded, " +
         std::to_string(dead_removed) + " dead operations and arguments removed, " + std::to_string(switches_merged) +
         " if-chains merged into switches";
}

size_t fold_all(const std::vector<FunctionGraph*>& graphs) {
  size_t n = 0;
  for (FunctionGraph* g : graphs) n += fold_constants(*g);
  return n;
}

size_t remove_dead_code_all(const std::vector<FunctionGraph*>& graphs) {
  size_t n = 0;
  for (FunctionGraph* g : graphs) n += remove_dead_code(*g);
  return n;
}

size_t merge_if_blocks_all(const std::vector<FunctionGraph*>& graphs) {
  size_t n = 0;
  for (FunctionGraph* g : graphs) n += merge_if_blocks(*g);
  return n;
}

namespace {

// Whether a graph returns an object it has just allocated (a malloc in a block that returns it):
// inlining a call of it may let that malloc go.
bool returns_fresh_object(const FunctionGraph& g) {
  for (Block* b : g.iterblocks())
    for (auto& l : b->exits) {
      if (l->target != g.returnblock || l->args.empty()) continue;
      for (const Operation& op : b->operations)
        if (op.result == l->args[0] && op.opname == "malloc") return true;
    }
  return false;
}

// The calls of g whose inlining may let a malloc go: those a malloc escapes into, and those
// returning a fresh object.
std::vector<CallSite> calls_worth_inlining_for_mallocs(FunctionGraph& g) {
  std::vector<CallSite> sites = calls_blocking_malloc_removal(g);
  for (Block* b : g.iterblocks())
    for (size_t i = 0; i < b->operations.size(); ++i) {
      FunctionGraph* callee = direct_callee(b->operations[i]);
      if (callee && returns_fresh_object(*callee)) sites.push_back({b, i});
    }
  return sites;
}

}  // namespace

size_t remove_mallocs_all(const std::vector<FunctionGraph*>& graphs, bool inline_to_remove, size_t inline_limit,
                          BackendOptStats* stats) {
  BackendOptStats ignored;
  if (!stats) stats = &ignored;
  analyzers::CallGraph calls(graphs);
  analyzers::CanRaiseAnalysis can_raise(calls);
  size_t removed = 0;
  for (FunctionGraph* g : graphs) {
    size_t extra_inlined = 0;
    for (int round = 0; round < 50; ++round) {
      size_t n = remove_mallocs(*g);
      removed += n;
      if (n) {
        stats->constants_folded += fold_constants(*g);
        stats->dead_removed += remove_dead_code(*g);
        continue;
      }
      if (!inline_to_remove) break;
      bool inlined = false;
      for (const CallSite& site : calls_worth_inlining_for_mallocs(*g)) {
        FunctionGraph* callee = direct_callee(site.block->operations[site.index]);
        if (!callee || callee == g || !may_inline(*callee) || in_cycle(calls, callee)) continue;
        if (!call_site_inlinable(site.block, site.index)) continue;
        if (guarded_call(site.block, site.index) && raises_directly(*callee, can_raise)) continue;
        if (callee->startblock->inputargs.size() + 1 != site.block->operations[site.index].args.size()) continue;
        size_t size = operation_count(*callee);
        if (size > inline_limit || extra_inlined + size > 4 * inline_limit) continue;
        inline_call(*g, site.block, site.index, *callee);
        extra_inlined += size;
        ++stats->calls_inlined;
        inlined = true;
        break;
      }
      if (!inlined) break;
    }
  }
  return removed;
}

BackendOptStats optimize_graphs(const std::vector<FunctionGraph*>& graphs, const BackendOptOptions& options) {
  BackendOptStats stats;
  if (options.level <= 0) return stats;
  if (options.level >= 2) {
    stats.calls_inlined += auto_inline(graphs, options.inlining);
    stats.constants_folded += fold_all(graphs);
    stats.dead_removed += remove_dead_code_all(graphs);
    stats.mallocs_removed += remove_mallocs_all(graphs, true, options.malloc_inline_limit, &stats);
    stats.reads_reused += sink_stores(graphs);
  }
  stats.constants_folded += fold_all(graphs);
  stats.dead_removed += remove_dead_code_all(graphs);
  stats.switches_merged += merge_if_blocks_all(graphs);
  stats.dead_removed += remove_dead_code_all(graphs);
  return stats;
}

}  // namespace rpp::backendopt
