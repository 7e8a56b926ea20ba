// The ll interpreter's differential suite (ll_differential.h). Manifest lines:
//   folders: flow annotate              the folders of tests/ whose programs must all be listed
//   run PATH [-- ARGS...]               compare rpp run and the ll interpreter on tests/PATH, after
//                                       rtyping and after the backend optimizations (--opt=2)
//   skip PATH: REASON                   not run (what it needs that the interpreter lacks)
// `#` starts a comment.
#include "tests/harness/ll_differential.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/harness/process.h"

namespace rpp::harness {

namespace fs = std::filesystem;

namespace {

struct Entry {
  std::string path;  // relative to tests/
  std::vector<std::string> args;
  bool run = true;
  std::string reason;
};

struct Manifest {
  std::vector<std::string> folders;
  std::vector<Entry> entries;
  std::string error;
};

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  size_t b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

Manifest read_manifest(const fs::path& file) {
  Manifest m;
  std::ifstream in(file);
  if (!in) {
    m.error = "cannot read " + file.string();
    return m;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (auto hash = line.find('#'); hash != std::string::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string word;
    words >> word;
    if (word == "folders:") {
      while (words >> word) m.folders.push_back(word);
    } else if (word == "run") {
      Entry e;
      words >> e.path;
      std::string w;
      bool after = false;
      while (words >> w) {
        if (after) e.args.push_back(w);
        else if (w == "--") after = true;
      }
      m.entries.push_back(e);
    } else if (word == "skip") {
      std::string rest;
      std::getline(words, rest);
      auto colon = rest.find(':');
      Entry e;
      e.run = false;
      e.path = trim(rest.substr(0, colon));
      e.reason = colon == std::string::npos ? "" : trim(rest.substr(colon + 1));
      if (e.reason.empty()) m.error = file.string() + ":" + std::to_string(number) + ": a skip needs a reason";
      m.entries.push_back(e);
    } else {
      m.error = file.string() + ":" + std::to_string(number) + ": unknown line '" + line + "'";
    }
  }
  return m;
}

std::string indent(const std::string& text) {
  std::string out = "    | ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    | ";
  }
  return out;
}

// The ll interpreter after rtyping (`optimized`: after the backend optimizations at --opt=2).
TestOutcome compare(const Entry& e, const HarnessEnv& env, bool optimized) {
  std::string program = (fs::path(env.rpp_home) / "tests" / e.path).string();
  std::string tmp = (fs::temp_directory_path() / ("rpp-diff-" + std::to_string(getpid()) + "-" +
                                                  std::to_string(std::hash<std::string>{}(e.path)) +
                                                  (optimized ? "-opt2" : "")))
                        .string();
  fs::create_directories(tmp);
  auto spec_for = [&](std::vector<std::string> argv) {
    ProcessSpec s;
    s.argv = std::move(argv);
    s.env["RPP_HOME"] = env.rpp_home;
    s.cwd = tmp;
    s.timeout_seconds = 300;
    return s;
  };
  std::vector<std::string> run_argv{env.rpp_binary, "run", program};
  std::vector<std::string> interp_argv{env.rpp_binary, "translate", "--stop-after=rtype", "--interp-check-overflow",
                                       program};
  if (optimized)
    interp_argv = {env.rpp_binary, "translate", "--stop-after=backendopt", "--opt=2", "--interp-check-overflow", program};
  if (!e.args.empty()) interp_argv.push_back("--");
  for (const auto& a : e.args) {
    run_argv.push_back(a);
    interp_argv.push_back(a);
  }
  ProcessResult untranslated = run_process(spec_for(run_argv));
  ProcessResult interpreted = run_process(spec_for(interp_argv));
  fs::remove_all(tmp);
  TestOutcome o;
  std::ostringstream why;
  if (interpreted.out != untranslated.out)
    why << "  standard output differs; rpp run gave:\n" << indent(untranslated.out) << "\n";
  if (interpreted.exit_code != untranslated.exit_code)
    why << "  exit code " << interpreted.exit_code << ", rpp run's " << untranslated.exit_code << "\n";
  if (interpreted.timed_out) why << "  timed out\n";
  if (why.str().empty()) {
    o.passed = 1;
    return o;
  }
  o.failed = 1;
  o.report = why.str() + "  command:";
  for (const auto& a : interp_argv) o.report += " " + a;
  o.report += "\n  standard output:\n" + indent(interpreted.out) + "\n  standard error:\n" + indent(interpreted.err) + "\n";
  return o;
}

// Every program of the manifest's folders: a .py file with a `run:` line, outside errors/ folders,
// that is not expected to be rejected (`exit: 2`).
TestOutcome check_complete(const Manifest& m, const HarnessEnv& env) {
  std::set<std::string> listed;
  for (const Entry& e : m.entries) listed.insert(e.path);
  std::vector<std::string> missing, stale;
  fs::path tests = fs::path(env.rpp_home) / "tests";
  for (const std::string& folder : m.folders) {
    if (!fs::exists(tests / folder)) continue;
    for (auto& f : fs::recursive_directory_iterator(tests / folder)) {
      if (!f.is_regular_file() || f.path().extension() != ".py") continue;
      std::string rel = fs::relative(f.path(), tests).string();
      if (rel.find("/errors/") != std::string::npos) continue;
      std::ifstream in(f.path());
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (text.find("# run:") == std::string::npos) continue;
      if (text.find("# exit: 2\n") != std::string::npos) continue;  // a program the translator rejects
      if (!listed.count(rel)) missing.push_back(rel);
    }
  }
  for (const Entry& e : m.entries)
    if (!fs::exists(tests / e.path)) stale.push_back(e.path);
  TestOutcome o;
  if (missing.empty() && stale.empty()) {
    o.passed = 1;
    return o;
  }
  o.failed = 1;
  std::sort(missing.begin(), missing.end());
  for (const auto& p : missing) o.report += "  not in tests/llinterp/differential.txt: " + p + "\n";
  for (const auto& p : stale) o.report += "  listed but missing: " + p + "\n";
  return o;
}

}  // namespace

Suite ll_differential_suite(const HarnessEnv& env) {
  Suite suite{"llinterp-diff", {}, ""};
  Manifest m = read_manifest(fs::path(env.rpp_home) / "tests" / "llinterp" / "differential.txt");
  if (!m.error.empty()) {
    suite.setup_error = m.error;
    return suite;
  }
  suite.cases.push_back({"llinterp-diff/manifest-complete", [m, env] { return check_complete(m, env); }});
  for (const Entry& e : m.entries)
    if (e.run) {
      suite.cases.push_back({"llinterp-diff/" + e.path, [e, env] { return compare(e, env, false); }});
      suite.cases.push_back({"llinterp-diff/opt2/" + e.path, [e, env] { return compare(e, env, true); }});
    }
  return suite;
}

}  // namespace rpp::harness
