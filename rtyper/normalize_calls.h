// One calling convention per call family (RPython's normalizecalls): graphs that may be called
// from one call site — several functions through a function pointer, the overriding methods of
// a class hierarchy through the vtable — must have one low-level signature. For each family,
// the parameters and the result are the unions of the graphs' annotations; a graph whose own
// annotations are narrower gets a new start block taking the unified parameters (the link into
// the old one converts them: a downcast of `self`, for instance) and returns the unified result
// (the links into its return block convert).
#pragma once

namespace rpp::rtyper {

class RTyper;

void normalize_calls(RTyper& rtyper);

}  // namespace rpp::rtyper
