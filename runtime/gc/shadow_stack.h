// The shadow stack's memory, shared by the GC implementations: reserved with mmap (untouched
// pages cost nothing) and installed into rpp_globals.root_stack_{base,top,limit}.
#pragma once
#include <cstddef>

namespace rpp::gc {

// Slots of the shadow stack: RPP_SHADOW_STACK_SLOTS or 4M (32 MiB of address space).
void install_shadow_stack();

}  // namespace rpp::gc
