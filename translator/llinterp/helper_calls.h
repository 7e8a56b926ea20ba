// Runtime helpers (runtime/helpers.def) as the ll interpreter calls them. A helper's body takes
// its arguments as words and returns its result as a word; a helper that raises sets the
// exception state of runtime/layout.h (rpp_globals.exc_type / exc_value), as compiled code sees it.
//
// Interim: the C++ bodies of the helper table (runtime/rlib, `rpp_helper_NAME`) do not exist
// yet. Until they do, the few helpers needed to print numbers and text have interim bodies in
// interim_helpers.cc, written on the layout contract and allocating in the interpreter's heap:
// print_str, print_flush, int_to_str, float_to_str, str_concat, str_eq, str_from_char. When
// runtime/rlib lands, find_helper_body calls its bodies instead and interim_helpers.cc goes away.
#pragma once
#include <string_view>

#include "translator/llinterp/words.h"

namespace rpp::llinterp {

class LLInterpreter;

using HelperBody = Word (*)(LLInterpreter& interp, const Word* args);

// The body of a helper, or nullptr when the interpreter has none (yet).
HelperBody find_helper_body(std::string_view name);

// Python's repr of a float (shortest round trip, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`, `7.0`).
std::string float_repr(double x);

}  // namespace rpp::llinterp
