// Inlining (RPython's backendopt/inline.py): a direct_call of a graph is replaced by a copy of
// the callee's blocks. The caller's block is split at the call; the variables it still needs
// after the call are passed through every copied block; the callee's returns jump to the rest of
// the caller's block with the result. The callee's raises: when the call had exception links
// (it was the last operation of a raising block), they jump to a chain of blocks that tests the
// raised class against each link's class in order (class-id ranges, as the ll interpreter and
// the exception transform match) and takes the first that matches, else leaves the caller
// through its except block; a call without exception links lets them leave the caller directly.
// A callee whose operations raise implicitly (no exception link: a raising helper, a call) is
// never inlined at a call with exception links (raises_directly).
// Copied operations keep their source location with the call's location appended to their
// inline chain.
//
// The heuristic (auto_inline) walks the call graph's SCCs callee-first (Boost.Graph, through
// analyzers::CallGraph), so callees are optimized before their callers, and inlines a call when
// the callee is small (operations <= threshold) or `always_inline`; never a `dont_inline` graph,
// a graph with a jit_marker (a portal), or a recursive callee (one in a cycle of the call graph:
// inlining around a cycle would never end).
#pragma once
#include <cstddef>
#include <vector>

#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/analyzers/can_raise.h"
#include "translator/flow/model.h"

namespace rpp::backendopt {

// Whether the call block->operations[index] can be inlined where it is: not when it ends a
// raising block that has exception links but no normal link (the annotator proved the call
// never returns normally, e.g. the result is an impossible value): the copy's returns would
// have nowhere to go.
bool call_site_inlinable(const flow::Block* block, size_t index);

// Whether the call block->operations[index] has exception links (the last operation of a
// raising block): a guarded call.
bool guarded_call(const flow::Block* block, size_t index);

// Whether `callee` has an operation that may raise without an exception link of its own (an
// implicit propagation, e.g. a CanRaise helper or a call outside any try). Such a callee is not
// inlined at a guarded call (RPython's does_raise_directly): the copy's exception would leave
// the caller without meeting the call's handlers.
bool raises_directly(const flow::FunctionGraph& callee, const analyzers::CanRaiseAnalysis& can_raise);

// Inlines block->operations[index], a direct_call of `callee`, into `caller` (a call site
// call_site_inlinable accepts).
void inline_call(flow::FunctionGraph& caller, flow::Block* block, size_t index, const flow::FunctionGraph& callee);

// The graph a direct_call calls (nullptr for helpers and other operations).
flow::FunctionGraph* direct_callee(const flow::Operation& op);

// Whether a graph may be inlined at all (flags, jit markers, well formed).
bool may_inline(const flow::FunctionGraph& callee);

struct InlineOptions {
  size_t threshold = 32;          // operations of a callee inlined by the size heuristic
  size_t max_growth = 2000;       // operations a caller may grow by
};

// Inlines by the heuristic into every graph of `graphs`; returns the number of calls inlined.
// Whether g is in a cycle of the call graph (an SCC of several graphs, or calling itself).
bool in_cycle(const analyzers::CallGraph& calls, const flow::FunctionGraph* g);

size_t auto_inline(const std::vector<flow::FunctionGraph*>& graphs, const InlineOptions& options = {});

}  // namespace rpp::backendopt
