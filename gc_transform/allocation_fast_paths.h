// The GC transform's allocations (--gc=gen): every `malloc(<T>, "gc")` becomes
// `gc_malloc_fixed(tid, size)` and every `malloc_varsize(<T>, "gc", n)` becomes
// `gc_malloc_varsize(tid, n, items_offset, item_size, length_offset)`, with the type id and the
// sizes of the GC's type table as constants. C++ emission expands each into the inline nursery
// fast path of runtime/layout.h with the GC's slow path as a call (docs/gctransform.md says why
// the branch is not spelled out in the graphs). Raw mallocs are left alone.
#pragma once
#include <vector>

#include "gc_transform/type_info_tables.h"
#include "translator/flow/model.h"

namespace rpp::gctransform {

// Rewrites the GC mallocs of every graph; returns how many. Throws UserError (located) for a
// malloc of a type the table cannot number.
size_t lower_gc_mallocs(const std::vector<flow::FunctionGraph*>& graphs, GcTypeTable& table);

}  // namespace rpp::gctransform
