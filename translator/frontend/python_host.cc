// Starting and stopping the embedded CPython with the settings of SEMANTICS.md ("Running untranslated").
#include "translator/frontend/python_host.h"

#include <pybind11/embed.h>

#include "translator/diagnostics.h"
#include "translator/frontend/builtin_modules.h"

namespace py = pybind11;

namespace rpp::frontend {

PythonHost::PythonHost(const std::string& rpp_home, const std::vector<std::string>& argv,
                       PythonAllocator allocator) {
  PyPreConfig preconfig;
  PyPreConfig_InitPythonConfig(&preconfig);
  preconfig.utf8_mode = 1;  // argv, file names and os functions: UTF-8 with surrogateescape
  // pymalloc keeps its 1 MB arenas while any object in them lives: after the syntax trees are
  // dropped most arenas stay resident. With malloc, malloc_trim gives those pages back.
  if (allocator == PythonAllocator::Compact) preconfig.allocator = PYMEM_ALLOCATOR_MALLOC;
  register_builtin_modules();
  PyStatus status = Py_PreInitialize(&preconfig);
  if (PyStatus_Exception(status)) throw UserError("rpp: error: cannot start the embedded Python");

  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.use_hash_seed = 1;  // PYTHONHASHSEED=0: set and dict orders are the same every run
  config.hash_seed = 0;
  config.parse_argv = 0;
  config.install_signal_handlers = 1;
  // No `site`: an RPython program needs the standard library and python/ only, not
  // site-packages and their .pth files (docs/build.md).
  config.site_import = 0;
  config.user_site_directory = 0;
  PyConfig_SetString(&config, &config.stdio_encoding, L"utf-8");
  PyConfig_SetString(&config, &config.stdio_errors, L"strict");
  std::vector<const char*> cargv;
  for (auto& a : argv) cargv.push_back(a.c_str());
  // pybind11 takes ownership of config (and clears it).
  py::initialize_interpreter(&config, static_cast<int>(cargv.size()), cargv.data(),
                             /*add_program_dir_to_path=*/false);
  py::module_::import("sys").attr("path").attr("insert")(0, rpp_home + "/python");
}

PythonHost::~PythonHost() { finalize(); }

void PythonHost::finalize() {
  if (!running_) return;
  running_ = false;
  py::finalize_interpreter();
}

}  // namespace rpp::frontend
