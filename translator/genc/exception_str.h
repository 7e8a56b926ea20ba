// `str(e)` of an exception instance for the report of an uncaught exception (RppProgram::
// exception_str in runtime/rlib/main_support.h), written as C++ with the offsets of this
// program: the first item of the instance's `args` when its class keeps a list of str there,
// else the message field `rpy_message` of the root exception class (what operations and
// runtime helpers set) — the rule the ll interpreter follows (rtyper/rtype_stage.cc).
#pragma once
#include <string>

#include "rtyper/rtyper.h"

namespace rpp::genc {

// The definition of `static void* rpp_exception_str(void* e)`.
std::string exception_str_function(rtyper::RTyper& rtyper);

}  // namespace rpp::genc
