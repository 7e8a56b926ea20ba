// Type hints checked against inference: after the fixpoint, each parameter and result of every
// annotated graph whose function has a hint (`def f(n: int) -> str`, or rlib's `enforceargs`)
// must fit it; a mismatch is an error at the def line naming the parameter, the hint and the
// inferred annotation, with the call chain.
#pragma once
#include "annotator/annotator.h"

namespace rpp::annotator {

struct HintType;

void check_type_hints(Annotator& annotator);

// Whether every value of `s` fits the hint (exposed for tests).
bool fits_hint(Bookkeeper& bk, const SomeRef& s, const HintType& hint);

}  // namespace rpp::annotator
