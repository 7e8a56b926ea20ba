// The ll interpreter's differential suite (ll_differential.h). Manifest lines:
//   folders: flow annotate              the folders of tests/ whose programs must all be listed
//   run PATH [-- ARGS...]               compare rpp run and the ll interpreter on tests/PATH
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

std::string last_line(const std::string& text) {
  size_t end = text.find_last_not_of("\n");
  if (end == std::string::npos) return "";
  size_t start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
}

// How a suite runs its programs besides `rpp run`.
struct Mode {
  std::string suite;             // suite name
  std::string manifest;          // relative to tests/
  std::vector<std::string> interp_flags;  // rpp translate flags for the ll interpreter run
  std::string case_prefix;       // after `SUITE/` in case names ("opt2/" for a second variant)
  bool translated = false;       // also translate to an executable and run it
  bool require_run_line = true;  // completeness counts only programs with a `run:` line
  bool interpreted = true;       // run the ll interpreter
  std::vector<std::string> translate_flags;  // extra `rpp translate` flags (--opt=0, --gc=boehm, --sanitize=address)
  bool gc_stress = false;        // run the executable again with RPP_GC_STRESS=1 (same output)
  std::set<std::string> only;    // when not empty: the programs of the manifest this mode runs
};

TestOutcome compare(const Entry& e, const HarnessEnv& env, const Mode& mode) {
  std::string program = (fs::path(env.rpp_home) / "tests" / e.path).string();
  std::string tmp = (fs::temp_directory_path() / ("rpp-diff-" + std::to_string(getpid()) + "-" +
                                                  std::to_string(std::hash<std::string>{}(mode.case_prefix + e.path))))
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
  std::vector<std::string> interp_argv{env.rpp_binary, "translate"};
  for (const auto& f : mode.interp_flags) interp_argv.push_back(f);
  interp_argv.push_back(program);
  if (!e.args.empty()) interp_argv.push_back("--");
  std::string executable = (fs::path(tmp) / "program-c").string();
  std::vector<std::string> translate_argv{env.rpp_binary, "translate", "-o", executable};
  for (const auto& f : mode.translate_flags) translate_argv.push_back(f);
  translate_argv.push_back(program);
  std::vector<std::string> native_argv{executable};
  for (const auto& a : e.args) {
    run_argv.push_back(a);
    interp_argv.push_back(a);
    native_argv.push_back(a);
  }
  ProcessResult untranslated = run_process(spec_for(run_argv));
  TestOutcome o;
  std::ostringstream why;
  std::string details;
  // Compares one way of running the program with `rpp run`.
  auto check = [&](const char* what, const std::vector<std::string>& argv, const ProcessResult& r) {
    std::ostringstream w;
    if (r.out != untranslated.out) w << "  " << what << ": standard output differs; rpp run gave:\n" << indent(untranslated.out) << "\n";
    if (r.exit_code != untranslated.exit_code)
      w << "  " << what << ": exit code " << r.exit_code << ", rpp run's " << untranslated.exit_code << "\n";
    if (r.timed_out) w << "  " << what << ": timed out\n";
    if (w.str().empty()) return;
    why << w.str();
    details += "  command:";
    for (const auto& a : argv) details += " " + a;
    details += "\n  standard output:\n" + indent(r.out) + "\n  standard error:\n" + indent(r.err) + "\n";
  };
  ProcessResult interpreted;
  if (mode.interpreted) {
    interpreted = run_process(spec_for(interp_argv));
    check("ll interpreter", interp_argv, interpreted);
  }
  if (mode.translated) {
    ProcessResult translation = run_process(spec_for(translate_argv));
    if (translation.exit_code != 0 || translation.timed_out) {
      why << "  translation failed (exit code " << translation.exit_code << ")\n";
      details += "  command:";
      for (const auto& a : translate_argv) details += " " + a;
      details += "\n  standard error:\n" + indent(translation.err) + "\n";
    } else {
      ProcessResult native = run_process(spec_for(native_argv));
      check("translated", native_argv, native);
      // An uncaught exception ends standard error with the same `Cls: msg` line.
      if (mode.interpreted && native.exit_code == 1 && interpreted.exit_code == 1 && !native.err.empty() &&
          last_line(native.err) != last_line(interpreted.err))
        why << "  translated: the last line of standard error is '" << last_line(native.err)
            << "', the ll interpreter's '" << last_line(interpreted.err) << "'\n";
      // The same executable with a collection at every allocation that may collect and a tiny
      // nursery (docs/gc.md): an unrooted reference or a missing barrier changes the output or
      // crashes.
      if (mode.gc_stress) {
        ProcessSpec stressed = spec_for(native_argv);
        stressed.env["RPP_GC_STRESS"] = "1";
        ProcessResult r = run_process(stressed);
        check("translated, RPP_GC_STRESS=1", native_argv, r);
        if (r.exit_code == 1 && native.exit_code == 1 && last_line(r.err) != last_line(native.err))
          why << "  translated, RPP_GC_STRESS=1: the last line of standard error is '" << last_line(r.err)
              << "', without stress '" << last_line(native.err) << "'\n";
      }
    }
  }
  fs::remove_all(tmp);
  if (why.str().empty()) {
    o.passed = 1;
    return o;
  }
  o.failed = 1;
  o.report = why.str() + details;
  return o;
}

// Every program of the manifest's folders: a .py file with a `run:` line, outside errors/ folders,
// that is not expected to be rejected (`exit: 2`).
TestOutcome check_complete(const Manifest& m, const HarnessEnv& env, const Mode& mode) {
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
      if (mode.require_run_line && text.find("# run:") == std::string::npos) continue;
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
  for (const auto& p : missing) o.report += "  not in tests/" + mode.manifest + ": " + p + "\n";
  for (const auto& p : stale) o.report += "  listed but missing: " + p + "\n";
  return o;
}

// Translating twice gives byte-identical C++ (DESIGN §5): the `--dump=emit` output of two
// translations of each program must be equal (and contain a main).
TestOutcome check_deterministic(const std::vector<std::string>& programs, const HarnessEnv& env) {
  TestOutcome o;
  std::string tmp = (fs::temp_directory_path() / ("rpp-determinism-" + std::to_string(getpid()))).string();
  fs::create_directories(tmp);
  for (const std::string& p : programs) {
    std::string outputs[2];
    for (int i = 0; i < 2; ++i) {
      ProcessSpec s;
      s.argv = {env.rpp_binary, "translate", "--dump=emit", "-o", (fs::path(tmp) / "program-c").string(),
                (fs::path(env.rpp_home) / "tests" / p).string()};
      s.env["RPP_HOME"] = env.rpp_home;
      s.cwd = tmp;
      s.timeout_seconds = 300;
      ProcessResult r = run_process(s);
      if (r.exit_code != 0) {
        o.failed = 1;
        o.report += "  " + p + ": translation failed:\n" + indent(r.err) + "\n";
      }
      outputs[i] = r.out;
    }
    if (outputs[0] != outputs[1]) {
      o.failed = 1;
      o.report += "  " + p + ": two translations gave different C++\n";
    } else if (outputs[0].find("int main(int argc, char** argv)") == std::string::npos) {
      o.failed = 1;
      o.report += "  " + p + ": the emitted C++ has no main\n";
    }
  }
  fs::remove_all(tmp);
  if (!o.failed) o.passed = 1;
  return o;
}

Suite differential_suite(const HarnessEnv& env, const Mode& mode) {
  Suite suite{mode.suite, {}, ""};
  Manifest m = read_manifest(fs::path(env.rpp_home) / "tests" / mode.manifest);
  if (!m.error.empty()) {
    suite.setup_error = m.error;
    return suite;
  }
  suite.cases.push_back({mode.suite + "/manifest-complete", [m, env, mode] { return check_complete(m, env, mode); }});
  for (const Entry& e : m.entries)
    if (e.run && (mode.only.empty() || mode.only.count(e.path)))
      suite.cases.push_back({mode.suite + "/" + mode.case_prefix + e.path, [e, env, mode] { return compare(e, env, mode); }});
  return suite;
}

}  // namespace

Suite ll_differential_suite(const HarnessEnv& env) {
  Mode mode;
  mode.suite = "llinterp-diff";
  mode.manifest = "llinterp/differential.txt";
  mode.interp_flags = {"--stop-after=rtype", "--interp-check-overflow"};
  Suite suite = differential_suite(env, mode);
  // Every program again after the backend optimizations (`--opt=2`), before the exception transform.
  Mode optimized = mode;
  optimized.interp_flags = {"--stop-after=backendopt", "--opt=2", "--interp-check-overflow"};
  optimized.case_prefix = "opt2/";
  Suite second = differential_suite(env, optimized);
  for (auto& c : second.cases)
    if (c.name != optimized.suite + "/manifest-complete") suite.cases.push_back(std::move(c));
  return suite;
}

Suite e2e_differential_suite(const HarnessEnv& env) {
  Mode mode;
  mode.suite = "e2e";
  mode.manifest = "e2e/differential.txt";
  // After the exception transform: the ll interpreter runs the graphs genc compiles.
  mode.interp_flags = {"--stop-after=exceptions", "--interp-check-overflow"};
  mode.translated = true;
  mode.require_run_line = false;
  mode.gc_stress = true;
  Suite suite = differential_suite(env, mode);
  // The cases of another mode (its completeness is the default mode's).
  auto add_cases = [&](const Mode& variant) {
    Suite more = differential_suite(env, variant);
    for (auto& c : more.cases)
      if (c.name != variant.suite + "/manifest-complete") suite.cases.push_back(std::move(c));
  };
  // Every program again without the backend optimizations (`--opt=0`), in the ll interpreter
  // after the exception transform and translated: `e2e/opt0/PATH`.
  Mode unoptimized = mode;
  unoptimized.interp_flags = {"--stop-after=exceptions", "--opt=0", "--interp-check-overflow"};
  unoptimized.translate_flags = {"--opt=0"};
  unoptimized.case_prefix = "opt0/";
  unoptimized.gc_stress = false;  // the default mode's stress run covers the collector
  add_cases(unoptimized);
  // A few programs translated with --gc=boehm, and with the generational GC under
  // AddressSanitizer (the program and the runtime), compared with `rpp run` only.
  auto translated_only = [&](const std::string& prefix, std::vector<std::string> flags, std::set<std::string> only) {
    Mode variant = mode;
    variant.case_prefix = prefix;
    variant.interpreted = false;
    variant.gc_stress = false;
    variant.translate_flags = std::move(flags);
    variant.only = std::move(only);
    add_cases(variant);
  };
  translated_only("boehm/", {"--gc=boehm"},
                  {"e2e/classes_dispatch.py", "e2e/exceptions_hierarchy.py", "e2e/gc_churn.py", "e2e/dict_wordcount.py",
                   "e2e/prebuilt_objects.py", "rtype/list_operations.py",
                   "e2e/prebuilt_identity_dict.py"});
  translated_only("asan/", {"--sanitize=address"},
                  {"e2e/gc_churn.py", "e2e/dict_wordcount.py", "e2e/str_methods.py", "e2e/classes_dispatch.py",
                   "e2e/prebuilt_objects.py", "e2e/prebuilt_identity_dict.py"});
  std::vector<std::string> programs = {"e2e/classes_dispatch.py", "e2e/exceptions_hierarchy.py",
                                       "e2e/strings_unicode.py", "e2e/prebuilt_objects.py"};
  suite.cases.push_back({"e2e/deterministic-emit", [programs, env] { return check_deterministic(programs, env); }});
  return suite;
}

}  // namespace rpp::harness
