// The lowering of each flow-level operation (translator/flow/operations.def): one entry per
// operation name, dispatching on the reprs of the arguments to the family that implements it
// (rnumber, rstr, rtuple, rlist, rclass, rpbc, rbuiltin). An operation whose result the
// annotator knows to be a constant, and that has no side effect, becomes that constant.
#pragma once
#include "rtyper/hop.h"

namespace rpp::rtyper {

// Lowers hop.op into hop.llops; returns the value of its result (nullptr for a Void result).
// Throws RTypeFailure when there is no low-level implementation.
flow::Value* rtype_operation(Hop& hop);

}  // namespace rpp::rtyper
