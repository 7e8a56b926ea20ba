// Runtime helpers (runtime/helpers.def) as the ll interpreter calls them: the real bodies of
// runtime/rlib (`rpp_helper_NAME`, declared in runtime/rlib/helpers.h), each wrapped from the
// helper table into a function taking and returning words. A helper that raises sets the
// exception state of runtime/layout.h (rpp_globals.exc_type / exc_value), as compiled code sees
// it. Helpers that take a function pointer (the custom-key dict helpers) get a trampoline that
// calls back into the interpreter.
#pragma once
#include <string>
#include <string_view>

#include "translator/llinterp/words.h"

namespace rpp::llinterp {

class LLInterpreter;

using HelperBody = Word (*)(LLInterpreter& interp, const Word* args);

// The body of a helper, or nullptr when the name is not in the helper table.
HelperBody find_helper_body(std::string_view name);

// Python's repr of a float (shortest round trip, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`, `7.0`).
std::string float_repr(double x);

}  // namespace rpp::llinterp
