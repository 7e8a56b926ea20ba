// The embedded CPython 3 (Debian's libpython3.11 through pybind11), started with rpp's settings:
// rpp's python/ on sys.path, PYTHONHASHSEED=0, UTF-8 mode and UTF-8 stdio. One per process.
#pragma once
#include <string>
#include <vector>

namespace rpp::frontend {

// How Python allocates its objects: `Fast` with its own small-object allocator (pymalloc: fastest,
// for running programs untranslated), `Compact` with malloc, so that the memory of objects freed
// during a translation (the syntax trees) goes back to the system (docs/memory.md).
enum class PythonAllocator { Fast, Compact };

class PythonHost {
 public:
  // rpp_home: the repository root (its python/ goes on sys.path); argv: sys.argv for the program.
  PythonHost(const std::string& rpp_home, const std::vector<std::string>& argv,
             PythonAllocator allocator = PythonAllocator::Fast);
  ~PythonHost();
  // Shuts the interpreter down now (the destructor then does nothing): every Python object must
  // be released before.
  void finalize();
  PythonHost(const PythonHost&) = delete;
  PythonHost& operator=(const PythonHost&) = delete;

 private:
  bool running_ = true;
};

}  // namespace rpp::frontend
