// Python's rule for one index into a sequence, as the rtyper's helper graphs check it (RPython's
// ll_getitem with its checks): a negative index counts from the end, then 0 <= i < n, else the
// prebuilt IndexError with CPython's message. One builder for every bounds-checked read or
// write of a list, str or bytes item. The hot path is one unsigned comparison
// `uint_lt(i, n)` (marked `likely`); the negative fix-up and the raise are the cold path, and
// disappear with `nonneg` (the annotator proved the index >= 0, as RPython's ll_getitem_nonneg).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "annotator/some_value.h"
#include "rtyper/helper_graphs.h"

namespace rpp::rtyper {

// Ends `from` (its pending operations in `ops`) with the check of index `i` against length `n`.
// Returns the block reached with a good index: its input arguments are `carry` (same types),
// then the index made non-negative.
flow::Block* checked_index(RTyper& rtyper, LowLevelGraphBuilder& b, flow::Block* from, LowLevelOps& ops,
                           const std::vector<flow::Value*>& carry, flow::Value* i, flow::Value* n,
                           const std::string& message, bool nonneg = false);

// Whether the annotator proved an index >= 0 (SomeInteger nonneg: range() counters, `i + 1` of a
// nonneg i, ...): its check then skips the negative fix-up.
bool index_proven_nonneg(const annotator::SomeRef& index);

// Ends `block` by raising the prebuilt instance of the builtin exception `cls` with `message`.
void raise_prebuilt(RTyper& rtyper, LowLevelGraphBuilder& b, flow::Block* block, const std::string& cls,
                    const std::string& message);

// The helper graph NAME(container, index) -> result: `length` of the container, the index
// checked, then `read` of the item at the good index. With `nonneg` the graph is NAME_nonneg.
using SequenceLength = std::function<flow::Value*(LowLevelOps&, flow::Value* container)>;
using SequenceRead = std::function<flow::Value*(LowLevelOps&, flow::Value* container, flow::Value* index)>;
flow::FunctionGraph* checked_read_graph(RTyper& rtyper, const std::string& name,
                                        const lltype::LowLevelType* container, const lltype::LowLevelType* result,
                                        const SequenceLength& length, const SequenceRead& read,
                                        const std::string& message, const flow::SourceLocation& where,
                                        bool nonneg = false);

}  // namespace rpp::rtyper
