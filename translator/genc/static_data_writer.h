// Static data as C++ (DESIGN §3): every prebuilt object of the rtyper's StaticData (vtables,
// prebuilt instances, tuples, lists, strings, the exception instances operations raise) as one
// `extern "C"` variable of the data unit, laid out as memory_layout.h says. GC objects carry
// the header {type id, kGcFlagPrebuilt} so the GC never frees or moves them; a var-sized object
// gets its own struct type with its exact number of items (`Z_<name>`); strs are canonical
// (narrow iff every code point < 256, one zero byte after narrow chars). Other units see each
// object through `extern "C" S_<type> d_<name>;`.
#pragma once
#include <string>

#include "translator/genc/emitter.h"

namespace rpp::genc {

// Definitions of every static object (in creation order), recording what they use.
std::string write_static_data(Emitter& emitter, UnitUses& uses);

}  // namespace rpp::genc
