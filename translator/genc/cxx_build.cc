// Compiling and linking the emitted program (cxx_build.h).
#include "translator/genc/cxx_build.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <xxhash.h>

#include "translator/diagnostics.h"

namespace rpp::genc {

namespace fs = std::filesystem;

namespace {

const char* const kFlags = "-std=c++20 -O2 -fwrapv -fno-strict-aliasing -ffp-contract=off -fno-exceptions -w";

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
  return false;
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string cache_dir() {
  if (const char* d = std::getenv("RPP_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "rpp").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "rpp").string();
  return (fs::temp_directory_path() / "rpp-cache").string();
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string hex64(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)h);
  return buf;
}

// Runs a shell command; its combined output in `output`. Returns the exit status.
int run(const std::string& command, std::string& output, const fs::path& log) {
  int status = std::system((command + " >" + quote(log.string()) + " 2>&1").c_str());
  output = read_text(log);
  return status;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

std::string cxx_command() {
  if (const char* cxx = std::getenv("CXX"); cxx && *cxx) return cxx;
  for (const char* c : {"g++", "clang++", "c++"})
    if (on_path(c)) return c;
  return "c++";
}

namespace {
const char* const kSanitizerFlags = " -fsanitize=address -fno-omit-frame-pointer";
}

UnitBuilder::UnitBuilder(const BuildOptions& options) : options_(options) {
  report_.compiler = cxx_command();
  fs::create_directories(options.sources_dir);
  objects_dir_ = (fs::path(cache_dir()) / "objects").string();
  fs::create_directories(objects_dir_);
  std::string include = "-I" + quote(options.rpp_home);
  compile_prefix_ = report_.compiler + " " + kFlags + " " + include;
  if (options.address_sanitizer) compile_prefix_ += kSanitizerFlags;
  // The runtime headers the units include are part of every key.
  std::string headers;
  for (const char* h : {"runtime/layout.h", "runtime/ops.h", "runtime/gc/gc.h", "runtime/gc/type_info.h",
                        "runtime/rlib/helpers.h", "runtime/rlib/helper_fast_paths.h", "runtime/rlib/dict_index.h",
                        "runtime/rlib/fatal_error.h",
                        "runtime/rlib/main_support.h"})
    headers += read_text(fs::path(options.rpp_home) / h);
  headers_digest_ = hex64(XXH3_64bits(headers.data(), headers.size()));
}

void UnitBuilder::add(const CppUnit& unit) {
  Job job;
  job.source = (fs::path(options_.sources_dir) / (unit.name + ".cc")).string();
  std::ofstream(job.source, std::ios::binary) << unit.text;
  // The key: the unit's text, the command line and the runtime headers' text (hashed in
  // pieces: no copy of the text).
  std::string key_tail = "\n" + compile_prefix_ + "\n" + headers_digest_;
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, unit.text.data(), unit.text.size());
  XXH3_64bits_update(state, key_tail.data(), key_tail.size());
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  job.object = (fs::path(objects_dir_) / (unit.name + "-" + hex64(h) + ".o")).string();
  job.cached = fs::exists(job.object);
  if (job.cached) ++report_.cached;
  ++report_.units;
  jobs_.push_back(job);
}

BuildReport build_executable(const CppProgram& program, const BuildOptions& options) {
  UnitBuilder builder(options);
  for (const CppUnit& unit : program.units) builder.add(unit);
  return builder.finish();
}

BuildReport UnitBuilder::finish() {
  const BuildOptions& options = options_;
  BuildReport& report = report_;
  const std::string& compile_prefix = compile_prefix_;
  const std::vector<Job>& jobs = jobs_;
  const char* const sanitizer_flags = kSanitizerFlags;
  auto t0 = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::string first_error;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      const Job& job = jobs[i];
      if (job.cached) continue;
      fs::path tmp = job.object + ".tmp" + std::to_string(getpid()) + "-" + std::to_string(i);
      fs::path log = tmp.string() + ".log";
      std::string out;
      int status = run(compile_prefix + " -c " + quote(job.source) + " -o " + quote(tmp.string()), out, log);
      fs::remove(log);
      if (status != 0) {
        std::lock_guard<std::mutex> lock(mutex);
        if (first_error.empty())
          first_error = "rpp translate: error: the C++ compiler failed on " + job.source + ":\n" + out;
        fs::remove(tmp);
        continue;
      }
      std::error_code ec;
      fs::rename(tmp, job.object, ec);
      if (ec) fs::remove(tmp);
    }
  };
  unsigned n = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  report.compile_seconds = seconds_since(t0);
  if (!first_error.empty()) throw UserError(first_error);

  std::string library = "runtime_" + options.gc + (options.address_sanitizer ? "_asan" : "");
  fs::path runtime = fs::path(options.rpp_home) / "bazel-bin" / "runtime" / "rlib" / ("lib" + library + ".a");
  if (!fs::exists(runtime))
    throw UserError("rpp translate: error: the runtime library " + runtime.string() +
                    " is missing (build it with `bazel build //runtime/rlib:" + library + "_archive`, or run ./rpp)");
  auto t1 = std::chrono::steady_clock::now();
  std::string link = report.compiler + (options.address_sanitizer ? sanitizer_flags : "") + " -o " + quote(options.output);
  for (const Job& job : jobs) link += " " + quote(job.object);
  link += " " + quote(runtime.string());
  if (options.gc == "boehm") link += " -lgc";
  link += " -lxxhash -lpthread";  // str_hash uses xxHash
  std::string out;
  fs::path log = fs::path(options.sources_dir) / "link.log";
  if (run(link, out, log) != 0) throw UserError("rpp translate: error: linking failed:\n" + out);
  fs::remove(log);
  report.link_seconds = seconds_since(t1);
  return report;
}

}  // namespace rpp::genc
