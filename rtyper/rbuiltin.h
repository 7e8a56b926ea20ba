// Calls of builtins and of the rlib functions the translator implements (RPython's rbuiltin):
// int() float() bool() str() chr() min() max() print(); rarithmetic's intmask, r_uint,
// longlongmask, widen, ovfcheck; objectmodel's likely/unlikely, instantiate, identity hashes,
// keepalive_until_here; debug's debug_print, ll_assert, fatalerror; and the JIT hints, which
// stay operations: jit_marker (jit_merge_point / can_enter_jit with the driver, greens then
// reds), hint (promote, promote_string, hint(x, access_directly=True)...), jit_is_virtual,
// jit_record_exact_class, jit_conditional_call, jit_enter/leave_portal_frame; we_are_jitted()
// is the WeAreJitted symbolic constant (rtyper/lltype/jit_symbolic.h).
#pragma once
#include "rtyper/hop.h"

namespace rpp::rtyper {

// simple_call / call_args whose callee is a SomeBuiltin.
flow::Value* rtype_builtin_call(Hop& hop);

}  // namespace rpp::rtyper
