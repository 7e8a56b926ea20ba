// Finding a function's source from its code object (file, co_firstlineno, co_qualname), including
// functions made by exec() while the target imported. Frontend-internal: takes a Python object.
#pragma once
#include <pybind11/pybind11.h>

#include <string>

namespace rpp::frontend {

struct FunctionSource {
  std::string filename;  // a real path, or <rpp-exec-N:...> for exec-made code
  int first_line = 0;    // 1-based line of the `def` (or its first decorator)
  std::string text;      // the source of the def, as written (indented as in the file)
};

// Throws UserError `FILE:LINE: error: cannot find the source of function ...` when not found.
FunctionSource function_source(pybind11::handle function);

}  // namespace rpp::frontend
