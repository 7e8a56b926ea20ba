// Importing the target through python/_rpp/target.py and running it untranslated.
#include "translator/frontend/program.h"

#include <pybind11/stl.h>

#include "translator/diagnostics.h"
#include "translator/frontend/program_objects.h"

namespace py = pybind11;

namespace rpp::frontend {

void rethrow_as_user_error(py::error_already_set& e) {
  py::object target_error = py::module_::import("_rpp.errors").attr("TargetError");
  if (e.matches(target_error)) throw UserError(py::str(e.value()).cast<std::string>());
  throw UserError("rpp: internal error in the frontend:\n" + std::string(e.what()), 3);
}

std::shared_ptr<Program> Program::import(const std::string& path,
                                         const std::map<std::string, std::string>& driver_options,
                                         const std::vector<std::string>& target_args) {
  std::shared_ptr<Program> program(new Program());
  program->path_ = path;
  program->objects_ = std::make_unique<Objects>();
  try {
    py::module_ target = py::module_::import("_rpp.target");
    py::object module = target.attr("import_target")(path);
    py::tuple entry = target.attr("find_entry")(module, path, driver_options, target_args);
    program->objects_->module = module;
    program->objects_->entry_point = entry[0];
    program->objects_->jitpolicy = entry[1];
  } catch (py::error_already_set& e) {
    rethrow_as_user_error(e);
  }
  return program;
}

Program::~Program() = default;

void Program::release_python() { objects_.reset(); }

int Program::run_untranslated(const std::vector<std::string>& argv) {
  try {
    py::module_ host = py::module_::import("_rpp.host");
    host.attr("install_untranslated_io")();
    return host.attr("run_entry")(objects_->entry_point, argv).cast<int>();
  } catch (py::error_already_set& e) {
    rethrow_as_user_error(e);
  }
}

std::string Program::entry_point_name() const {
  return py::str(objects_->entry_point.attr("__qualname__")).cast<std::string>();
}

bool Program::has_jitpolicy() const { return !objects_->jitpolicy.is_none(); }

}  // namespace rpp::frontend
