// Compiling the emitted units and linking the executable (DESIGN §1, emit): the system C++
// compiler (`CXX` overrides, so ccache/distcc work; default g++, else clang++, else c++) with
// -std=c++20 -O2 and the flags SEMANTICS.md fixes (-fwrapv -fno-strict-aliasing
// -ffp-contract=off -fno-exceptions); units compiled in parallel, each object cached by the
// xxHash of its text and of the command line (RPP_CACHE_DIR, else $XDG_CACHE_HOME/rpp, else
// ~/.cache/rpp); linked with the runtime library of the GC (RPP_HOME/bazel-bin/runtime/rlib/
// libruntime_gen.a or libruntime_boehm.a with Debian's libgc, built by Bazel).
#pragma once
#include <string>
#include <vector>

#include "translator/genc/program_writer.h"

namespace rpp::genc {

struct BuildOptions {
  std::string rpp_home;     // the repository root (headers, bazel-bin)
  std::string output;       // the executable
  std::string sources_dir;  // where the units are written (kept with --dump-dir)
  std::string gc = "gen";   // gen | boehm: links libruntime_<gc>.a
  bool address_sanitizer = false;  // -fsanitize=address, with libruntime_gen_asan.a
};

struct BuildReport {
  size_t units = 0;
  size_t cached = 0;        // units whose object came from the cache
  double compile_seconds = 0;
  double link_seconds = 0;
  std::string compiler;
};

// Writes, compiles and links. Throws UserError with the compiler's output on failure.
BuildReport build_executable(const CppProgram& program, const BuildOptions& options);

// The same in two steps, so that units go to disk as they are made and their text need not stay
// in memory (docs/memory.md): add() writes a unit's file and computes its cache key; finish()
// compiles what the cache lacks and links.
class UnitBuilder {
 public:
  explicit UnitBuilder(const BuildOptions& options);
  void add(const CppUnit& unit);
  BuildReport finish();

 private:
  struct Job {
    std::string source;  // the unit's file
    std::string object;  // its object in the compile cache
    bool cached = false;
  };
  BuildOptions options_;
  BuildReport report_;
  std::string objects_dir_, compile_prefix_, headers_digest_;
  std::vector<Job> jobs_;
};

// The compiler command (CXX, or the first of g++, clang++, c++ on PATH).
std::string cxx_command();

}  // namespace rpp::genc
