// The GC transform's write barriers: before every store of a GC pointer into a GC object
// (setfield, setarrayitem, setinteriorfield) of a variable (a constant, null or a prebuilt
// object, is never young), a `gc_writebarrier(obj)`, or for a store into an
// item of an array (or of a struct's inlined array) `gc_writebarrier_array(obj, index)`, the
// card-marking barrier; setfield and setarrayitem become bare_setfield / bare_setarrayitem
// (after this pass no store implies a barrier). Stores into an object allocated earlier, with
// no operation that can collect in between on any path to the store (in the same block, or in
// blocks before it whose links pass the object along: a forward analysis over the graph), need
// none (the object is young: in the nursery, or a young large object).
#pragma once
#include <vector>

#include "translator/flow/model.h"

namespace rpp::gctransform {

// Inserts the barriers in every graph; returns how many were inserted.
size_t insert_write_barriers(const std::vector<flow::FunctionGraph*>& graphs);

}  // namespace rpp::gctransform
