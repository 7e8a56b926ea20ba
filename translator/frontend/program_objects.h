// The Python objects behind a frontend::Program; included only by frontend code.
#pragma once
#include <pybind11/pybind11.h>

#include "translator/frontend/program.h"

namespace rpp::frontend {

struct Program::Objects {
  pybind11::object module;
  pybind11::object entry_point;
  pybind11::object jitpolicy;  // None when the target has no jitpolicy(driver)
};

// Converts a pending _rpp.errors.TargetError into UserError; rethrows anything else.
[[noreturn]] void rethrow_as_user_error(pybind11::error_already_set& e);

}  // namespace rpp::frontend
