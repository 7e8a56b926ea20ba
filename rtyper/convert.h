// Conversions of a value between two reprs (RPython's convertvar and the pairtype conversions):
// integer widths and signedness, bool and integers to float, a char to a one-character str,
// instances and classes up and down their hierarchy (cast_pointer), None or a known constant
// (a Void repr) to any pointer repr. Anything else has no conversion: an RTypeFailure.
#pragma once
#include "rtyper/hop.h"

namespace rpp::rtyper {

flow::Value* convert_value(LowLevelOps& llops, flow::Value* v, Repr* from, Repr* to);

}  // namespace rpp::rtyper
