// Discovering suites, running their tests on a small thread pool, and the closing line.
#include "tests/harness/suites.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "tests/harness/file_test.h"
#include "tests/harness/process.h"

namespace rpp::harness {

namespace fs = std::filesystem;

namespace {

bool is_executable_file(const fs::path& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & S_IXUSR);
}

// Runs one doctest binary; its summary line gives the counts of test cases.
TestOutcome run_unit_binary(const std::string& binary, const HarnessEnv& env) {
  ProcessSpec spec;
  spec.argv = {binary};
  spec.env["RPP_HOME"] = env.rpp_home;
  spec.timeout_seconds = 600;
  ProcessResult r = run_process(spec);
  TestOutcome outcome;
  std::smatch m;
  static const std::regex summary(R"(test cases:\s*(\d+) \|\s*(\d+) passed \|\s*(\d+) failed)");
  if (std::regex_search(r.out, m, summary)) {
    outcome.passed = std::stoi(m[2]);
    outcome.failed = std::stoi(m[3]);
  }
  if (r.exit_code != 0 && outcome.failed == 0) outcome.failed = 1;  // crashed or timed out
  if (outcome.failed) {
    outcome.report = r.out + r.err;
    if (r.timed_out) outcome.report += "\n(timed out)\n";
    else if (r.exit_code >= 128) outcome.report += "\n(killed by signal " + std::to_string(r.exit_code - 128) + ")\n";
  }
  return outcome;
}

Suite unit_suite(const HarnessEnv& env) {
  Suite suite{"unit", {}, ""};
  fs::path bin = fs::path(env.rpp_home) / "bazel-bin";
  if (!fs::exists(bin)) {
    suite.setup_error = "no bazel-bin/ in " + env.rpp_home + ": build with ./rpp first";
    return suite;
  }
  std::vector<std::string> binaries;
  for (auto it = fs::recursive_directory_iterator(bin, fs::directory_options::follow_directory_symlink);
       it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() &&
        (name == "external" || name.ends_with(".runfiles") || name == "_objs" || name.starts_with("_solib"))) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.ends_with("_test") && is_executable_file(it->path())) binaries.push_back(it->path().string());
  }
  std::sort(binaries.begin(), binaries.end());
  for (auto& b : binaries) {
    std::string name = "unit/" + fs::relative(b, bin).string();
    suite.cases.push_back({name, [b, env] { return run_unit_binary(b, env); }});
  }
  return suite;
}

// tests/<folder>/**: every file with a `run:` directive.
std::vector<Suite> file_suites(const HarnessEnv& env) {
  std::vector<Suite> suites;
  fs::path tests = fs::path(env.rpp_home) / "tests";
  std::vector<fs::path> folders;
  for (auto& e : fs::directory_iterator(tests))
    if (e.is_directory() && e.path().filename() != "harness") folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  for (auto& folder : folders) {
    Suite suite{folder.filename().string(), {}, ""};
    std::vector<fs::path> files;
    for (auto& e : fs::recursive_directory_iterator(folder))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      std::string name = fs::relative(f, tests).string();
      std::optional<FileTest> test;
      try {
        test = parse_file_test(f.string());
      } catch (const std::exception& e) {
        std::string why = e.what();
        suite.cases.push_back({name, [why] { return TestOutcome{0, 1, "  " + why + "\n"}; }});
        continue;
      }
      if (!test) continue;
      suite.cases.push_back({name, [t = *test, env] { return run_file_test(t, env); }});
    }
    if (!suite.cases.empty()) suites.push_back(std::move(suite));
  }
  return suites;
}

HarnessEnv make_env(const std::string& rpp_home) {
  HarnessEnv env;
  env.rpp_home = rpp_home;
  env.rpp_binary = fs::read_symlink("/proc/self/exe").string();
  env.shared_dir = (fs::path(rpp_home).parent_path() / "shared").string();
  env.python3 = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  return env;
}

}  // namespace

int run_all_suites(const std::string& rpp_home, const std::string& filter) {
  signal(SIGPIPE, SIG_IGN);
  HarnessEnv env = make_env(rpp_home);
  std::vector<Suite> suites;
  suites.push_back(unit_suite(env));
  for (auto& s : file_suites(env)) suites.push_back(std::move(s));
  for (auto& s : registered_suites(env)) suites.push_back(std::move(s));

  unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  int total_passed = 0, total_failed = 0;
  auto all_start = std::chrono::steady_clock::now();
  for (auto& suite : suites) {
    std::vector<const TestCase*> selected;
    for (auto& c : suite.cases)
      if (filter.empty() || c.name.find(filter) != std::string::npos || suite.name.find(filter) != std::string::npos)
        selected.push_back(&c);
    bool suite_matches = filter.empty() || suite.name.find(filter) != std::string::npos;
    if (!suite.setup_error.empty()) {
      if (!suite_matches) continue;
      std::printf("FAIL %s: %s\n", suite.name.c_str(), suite.setup_error.c_str());
      std::printf("suite %-12s 0 passed, 1 failed\n", suite.name.c_str());
      ++total_failed;
      continue;
    }
    if (selected.empty()) continue;
    auto start = std::chrono::steady_clock::now();
    std::atomic<size_t> next{0};
    std::mutex print_lock;
    int passed = 0, failed = 0;
    auto work = [&] {
      for (size_t i; (i = next++) < selected.size();) {
        TestOutcome o;
        try {
          o = selected[i]->run();
        } catch (const std::exception& e) {
          o = TestOutcome{0, 1, std::string("  the harness failed: ") + e.what() + "\n"};
        }
        std::lock_guard<std::mutex> lock(print_lock);
        passed += o.passed;
        failed += o.failed;
        if (o.failed) {
          std::printf("FAIL %s\n%s\n", selected[i]->name.c_str(), o.report.c_str());
          std::fflush(stdout);
        }
      }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work);
    for (auto& t : threads) t.join();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("suite %-12s %d passed, %d failed (%.1f s)\n", suite.name.c_str(), passed, failed, secs);
    std::fflush(stdout);
    total_passed += passed;
    total_failed += failed;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - all_start).count();
  std::printf("all suites: %.1f s\n", secs);
  std::printf("%d passed, %d failed\n", total_passed, total_failed);
  return total_failed == 0 && total_passed > 0 ? 0 : 1;
}

}  // namespace rpp::harness
