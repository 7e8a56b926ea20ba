// function_source through python/_rpp/sources.py, which owns the linecache registrations.
#include "translator/frontend/function_source.h"

#include "translator/frontend/program_objects.h"

namespace py = pybind11;

namespace rpp::frontend {

FunctionSource function_source(py::handle function) {
  try {
    py::tuple t = py::module_::import("_rpp.sources").attr("function_source")(function);
    return FunctionSource{t[0].cast<std::string>(), t[1].cast<int>(), t[2].cast<std::string>()};
  } catch (py::error_already_set& e) {
    rethrow_as_user_error(e);
  }
}

}  // namespace rpp::frontend
