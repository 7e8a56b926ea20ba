// The imported target program: the module, its entry point and optional JIT policy.
// Other stages see only this interface; the Python objects stay inside the frontend.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rpp::frontend {

class Program {
 public:
  // Imports TARGET.py as python3 would (module named after the file, its folder first on
  // sys.path) with exec/compile wrapped so exec-made functions keep their source, then finds the
  // entry point: target(driver, args) -> (entry_point, None), or entry_point itself.
  // `driver_options` are visible to the target as driver.options. Throws UserError (exit 2).
  static std::shared_ptr<Program> import(const std::string& path,
                                         const std::map<std::string, std::string>& driver_options,
                                         const std::vector<std::string>& target_args);
  ~Program();

  // Runs entry_point(argv) on the embedded CPython; returns the exit code (SEMANTICS.md).
  int run_untranslated(const std::vector<std::string>& argv);

  const std::string& path() const { return path_; }
  std::string entry_point_name() const;
  bool has_jitpolicy() const;

  // Drops the module, entry point and policy (before the embedded CPython is shut down).
  void release_python();
  struct Objects;  // the Python objects (frontend-internal)
  Objects& objects() { return *objects_; }

 private:
  Program() = default;
  std::string path_;
  std::unique_ptr<Objects> objects_;
};

}  // namespace rpp::frontend
