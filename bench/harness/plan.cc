// The benchmarks and configurations of `rpp bench` (plan.h).
#include "bench/harness/plan.h"

#include <algorithm>
#include <filesystem>

namespace rpp::bench {

namespace fs = std::filesystem;

namespace {

// The files of `folder` with `extension`, sorted.
std::vector<fs::path> files_in(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Plan make_plan(const std::string& rpp_home, const std::string& shared_dir, bool quick) {
  Plan plan;
  fs::path home(rpp_home), shared(shared_dir);
  plan.examples = {{"bf", "examples/bf/targetbf.py"},
                   {"lox", "examples/lox/targetlox.py"},
                   {"pair_loop", "bench/backendopt/pair_loop.py"}};
  plan.configurations = {
      {"untranslated", "untranslated (rpp run, CPython 3)", ConfigurationKind::Untranslated, {}, ""},
      {"opt2", "translated, no JIT, --opt=2", ConfigurationKind::Translated, {"--opt=2"}, ""},
      {"opt0", "translated, no JIT, --opt=0", ConfigurationKind::Translated, {"--opt=0"}, ""},
      {"jit", "translated with the JIT", ConfigurationKind::Jit, {"--jit"},
       "absent: the JIT's codewriter and its link into translated programs do not exist yet "
       "(`rpp translate --jit` runs the JIT-readiness check, then translates without a JIT)"},
  };
  if (quick) {
    fs::path q = home / "bench" / "quick";
    plan.benchmarks.push_back({"bf/quick", "bf", {(q / "quick.b").string()}, false, true});
    plan.benchmarks.push_back({"lox/quick", "lox", {(q / "quick.lox").string()}, false, true});
    plan.benchmarks.push_back({"pair_loop", "pair_loop", {"300000"}, false, true});
    plan.benchmarks.push_back({"translate/bf", "bf", {}, true, true});
    return plan;
  }
  fs::path bf = shared / "bench" / "bf";
  std::vector<fs::path> bf_programs = files_in(bf, ".b");
  if (bf_programs.empty()) plan.notes.push_back("no BF programs in " + bf.string() + ": bf/* left out");
  for (const fs::path& p : bf_programs) plan.benchmarks.push_back({"bf/" + p.stem().string(), "bf", {p.string()}, false, true});
  fs::path lox = shared / "lox" / "test" / "benchmark";
  std::vector<fs::path> lox_programs = files_in(lox, ".lox");
  if (lox_programs.empty()) plan.notes.push_back("no Lox programs in " + lox.string() + ": lox/* left out");
  for (const fs::path& p : lox_programs)
    plan.benchmarks.push_back({"lox/" + p.stem().string(), "lox", {p.string()}, false, false});
  plan.benchmarks.push_back({"pair_loop", "pair_loop", {"30000000"}, false, true});
  plan.benchmarks.push_back({"translate/bf", "bf", {}, true, true});
  plan.benchmarks.push_back({"translate/lox", "lox", {}, true, true});
  return plan;
}

const Example* find_example(const Plan& plan, const std::string& name) {
  for (const Example& e : plan.examples)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace rpp::bench
