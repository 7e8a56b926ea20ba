// The Lox conformance suite: expectations read from comments, checked as the book's runner checks.
//
// Expectations (see ../shared/lox/README.md):
//   // expect: TEXT                   the next line of standard output
//   // Error...                       a compile error on this line: "[line N] Error..." on stderr, exit 65
//   // [line N] Error...              the same for line N; "[c line N]" only for clox, "[java line N]" never
//   // expect runtime error: MESSAGE  MESSAGE as the first line of stderr, then a stack trace whose first
//                                     "[line N]" is this line; exit 70
#include "tests/harness/lox_conformance.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "tests/harness/process.h"

namespace rpp::harness {

namespace fs = std::filesystem;

namespace {

struct ExpectedOutput {
  int line;
  std::string text;
};

struct LoxExpectations {
  std::vector<ExpectedOutput> output;
  std::set<std::string> compile_errors;  // "[N] Error..."
  std::string runtime_error;             // empty: none expected
  int runtime_error_line = 0;
  int exit_code = 0;
  bool nontest = false;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

LoxExpectations parse_expectations(const std::string& source) {
  static const std::regex expected_output(R"(// expect: ?(.*))");
  static const std::regex expected_error(R"(// (Error.*))");
  static const std::regex error_line(R"(// \[((java|c) )?line (\d+)\] (Error.*))");
  static const std::regex expected_runtime_error(R"(// expect runtime error: (.+))");
  static const std::regex nontest(R"(// nontest)");
  LoxExpectations e;
  int number = 0;
  for (const std::string& line : split_lines(source)) {
    ++number;
    std::smatch m;
    if (std::regex_search(line, m, nontest)) {
      e.nontest = true;
      return e;
    }
    if (std::regex_search(line, m, expected_output)) {
      e.output.push_back({number, m[1]});
    } else if (std::regex_search(line, m, expected_error)) {
      e.compile_errors.insert("[" + std::to_string(number) + "] " + m[1].str());
      e.exit_code = 65;
    } else if (std::regex_search(line, m, error_line)) {
      if (!m[2].matched || m[2] == "c") {
        e.compile_errors.insert("[" + m[3].str() + "] " + m[4].str());
        e.exit_code = 65;
      }
    } else if (std::regex_search(line, m, expected_runtime_error)) {
      e.runtime_error = m[1];
      e.runtime_error_line = number;
      e.exit_code = 70;
    }
  }
  return e;
}

// The differences between what a run gave and what the file expects; empty when it passed.
std::vector<std::string> validate(const LoxExpectations& e, const ProcessResult& r) {
  std::vector<std::string> fails;
  static const std::regex syntax_error(R"(\[.*line (\d+)\] (Error.+))");
  static const std::regex stack_trace(R"(\[line (\d+)\])");
  std::vector<std::string> err_lines = split_lines(r.err);

  if (!e.runtime_error.empty()) {
    if (err_lines.size() < 2) {
      fails.push_back("Expected runtime error '" + e.runtime_error + "' and got none.");
    } else {
      if (err_lines[0] != e.runtime_error)
        fails.push_back("Expected runtime error '" + e.runtime_error + "' and got '" + err_lines[0] + "'.");
      std::smatch m;
      bool found = false;
      for (size_t i = 1; i < err_lines.size() && !found; ++i)
        found = std::regex_search(err_lines[i], m, stack_trace);
      if (!found) {
        fails.push_back("Expected a stack trace and got none.");
      } else if (std::stoi(m[1]) != e.runtime_error_line) {
        fails.push_back("Expected runtime error on line " + std::to_string(e.runtime_error_line) +
                        " but was on line " + m[1].str() + ".");
      }
    }
  } else {
    std::set<std::string> found;
    int unexpected = 0;
    for (const std::string& line : err_lines) {
      std::smatch m;
      if (std::regex_search(line, m, syntax_error)) {
        std::string error = "[" + m[1].str() + "] " + m[2].str();
        if (e.compile_errors.count(error)) {
          found.insert(error);
        } else {
          if (unexpected < 10) fails.push_back("Unexpected error: " + line);
          ++unexpected;
        }
      } else if (!line.empty()) {
        if (unexpected < 10) fails.push_back("Unexpected output on stderr: " + line);
        ++unexpected;
      }
    }
    for (const std::string& error : e.compile_errors)
      if (!found.count(error)) fails.push_back("Missing expected error: " + error);
  }

  if (r.timed_out) fails.push_back("Timed out.");
  if (r.exit_code != e.exit_code)
    fails.push_back("Expected return code " + std::to_string(e.exit_code) + " and got " +
                    std::to_string(r.exit_code) + ".");

  std::vector<std::string> out_lines = split_lines(r.out);
  if (!out_lines.empty() && out_lines.back().empty()) out_lines.pop_back();
  size_t index = 0;
  for (; index < out_lines.size(); ++index) {
    if (index >= e.output.size()) {
      fails.push_back("Got output '" + out_lines[index] + "' when none was expected.");
      break;
    }
    const ExpectedOutput& expected = e.output[index];
    if (expected.text != out_lines[index])
      fails.push_back("Expected output '" + expected.text + "' on line " + std::to_string(expected.line) +
                      " and got '" + out_lines[index] + "'.");
  }
  for (; index < e.output.size(); ++index)
    fails.push_back("Missing expected output '" + e.output[index].text + "' on line " +
                    std::to_string(e.output[index].line) + ".");
  return fails;
}

std::string clip(const std::string& text, size_t limit = 2000) {
  if (text.empty()) return "    (nothing)\n";
  std::string clipped = text.size() > limit ? text.substr(0, limit) + "\n... (clipped)" : text;
  std::string out = "    | ";
  for (size_t i = 0; i < clipped.size(); ++i) {
    out += clipped[i];
    if (clipped[i] == '\n' && i + 1 < clipped.size()) out += "    | ";
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// How a file is run: `rpp run` (untranslated), the ll interpreter, or the translated executable
// (also with RPP_GC_STRESS=1: a minor collection at every allocation, a tiny nursery).
enum class LoxMode { untranslated, llinterp, translated, translated_gc_stress };

// The translated examples/lox: made once per run of the harness, by the first translated case that
// needs it (genc's object cache makes a re-translation mostly a link); kept in .rpp/lox/.
struct TranslatedLox {
  std::once_flag once;
  std::string executable;
  std::string error;  // the translation failed: why
};

TranslatedLox& translated_lox() {
  static TranslatedLox t;
  return t;
}

const TranslatedLox& translate_lox_once(const HarnessEnv& env) {
  TranslatedLox& t = translated_lox();
  std::call_once(t.once, [&] {
    fs::path dir = fs::path(env.rpp_home) / ".rpp" / "lox";
    std::error_code ec;
    fs::create_directories(dir, ec);
    t.executable = (dir / "targetlox-c").string();
    ProcessSpec spec;
    spec.argv = {env.rpp_binary, "translate", "-o", t.executable, env.rpp_home + "/examples/lox/targetlox.py"};
    spec.env["RPP_HOME"] = env.rpp_home;
    spec.cwd = dir.string();
    spec.timeout_seconds = 900;
    ProcessResult r = run_process(spec);
    if (r.exit_code != 0 || r.timed_out) {
      std::string command;
      for (auto& a : spec.argv) command += " " + a;
      t.error = "  translating examples/lox failed (exit " + std::to_string(r.exit_code) + (r.timed_out ? ", timed out" : "") +
                "):" + command + "\n  standard error:\n" + clip(r.err);
    }
  });
  return t;
}

TestOutcome run_lox_test(const std::string& file, const HarnessEnv& env, LoxMode mode) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return TestOutcome{0, 1, "  cannot read " + file + "\n"};
  std::stringstream buffer;
  buffer << in.rdbuf();
  LoxExpectations e = parse_expectations(buffer.str());
  if (e.nontest) return TestOutcome{1, 0, ""};
  if (!e.runtime_error.empty() && !e.compile_errors.empty())
    return TestOutcome{0, 1, "  the file expects both compile and runtime errors\n"};

  ProcessSpec spec;
  std::string target = env.rpp_home + "/examples/lox/targetlox.py";
  spec.env["RPP_HOME"] = env.rpp_home;
  spec.timeout_seconds = 60;
  if (mode == LoxMode::untranslated) {
    spec.argv = {env.rpp_binary, "run", target, file};
  } else if (mode == LoxMode::llinterp) {
    spec.argv = {env.rpp_binary, "translate", "--stop-after=rtype", "--interp-check-overflow", target, "--", file};
    spec.timeout_seconds = 120;
  } else {
    const TranslatedLox& t = translate_lox_once(env);
    if (!t.error.empty()) return TestOutcome{0, 1, t.error};
    spec.argv = {t.executable, file};
    if (mode == LoxMode::translated_gc_stress) spec.env["RPP_GC_STRESS"] = "1";
  }
  ProcessResult r = run_process(spec);

  std::vector<std::string> fails = validate(e, r);
  if (fails.empty()) return TestOutcome{1, 0, ""};
  std::ostringstream report;
  for (size_t i = 0; i < fails.size() && i < 10; ++i) report << "  " << fails[i] << "\n";
  if (fails.size() > 10) report << "  ... and " << fails.size() - 10 << " more\n";
  report << "  command:";
  for (auto& a : spec.argv) report << " " << a;
  report << "\n  standard output:\n" << clip(r.out) << "  standard error:\n" << clip(r.err);
  return TestOutcome{0, 1, report.str()};
}

// The files the ll interpreter runs (all of them would take minutes: each run rtypes examples/lox
// again): one or more per feature folder, including runtime errors, compile errors and limits.
const char* const kLlinterpSample[] = {
    "assignment/associativity.lox", "assignment/local.lox", "block/scope.lox", "bool/equality.lox",
    "call/num.lox", "class/inherited_method.lox", "closure/assign_to_closure.lox",
    "closure/nested_closure.lox", "constructor/arguments.lox", "constructor/return_in_nested_function.lox",
    "field/get_and_set_method.lox", "field/undefined.lox", "for/closure_in_body.lox",
    "function/recursion.lox", "function/too_many_arguments.lox", "if/dangling_else.lox",
    "inheritance/set_fields_from_base_class.lox", "limit/stack_overflow.lox", "limit/too_many_locals.lox",
    "logical_operator/and_truth.lox", "method/arity.lox", "nil/literal.lox", "number/literals.lox",
    "operator/add_bool_string.lox", "operator/comparison.lox", "operator/divide.lox",
    "precedence.lox", "return/in_method.lox", "string/multiline.lox", "super/indirectly_inherited.lox",
    "this/closure.lox", "variable/in_nested_block.lox", "while/syntax.lox",
};

}  // namespace

Suite lox_conformance_suite(const HarnessEnv& env) {
  Suite suite{"lox", {}, ""};
  fs::path root = fs::path(env.shared_dir) / "lox" / "test";
  if (!fs::is_directory(root)) {
    suite.setup_error = "the Lox test suite is missing: looked for " + root.string() +
                        " (../shared/lox/test beside the repository)";
    return suite;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    fs::path rel = fs::relative(it->path(), root);
    std::string top = rel.begin()->string();
    if (it->is_directory() && (top == "scanning" || top == "expressions" || top == "benchmark")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".lox") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    suite.setup_error = "no .lox files in " + root.string();
    return suite;
  }
  for (const fs::path& f : files) {
    std::string rel = fs::relative(f, root).string();
    suite.cases.push_back({"lox/" + rel, [file = f.string(), env] { return run_lox_test(file, env, LoxMode::untranslated); }});
  }
  for (const fs::path& f : files) {
    std::string rel = fs::relative(f, root).string();
    suite.cases.push_back(
        {"lox/translated/" + rel, [file = f.string(), env] { return run_lox_test(file, env, LoxMode::translated); }});
    suite.cases.push_back({"lox/gc-stress/" + rel,
                           [file = f.string(), env] { return run_lox_test(file, env, LoxMode::translated_gc_stress); }});
  }
  for (const char* rel : kLlinterpSample) {
    fs::path f = root / rel;
    if (!fs::is_regular_file(f)) {
      suite.cases.push_back({std::string("lox/llinterp/") + rel, [f] {
                               return TestOutcome{0, 1, "  the sample file " + f.string() + " is missing\n"};
                             }});
      continue;
    }
    suite.cases.push_back({std::string("lox/llinterp/") + rel,
                           [file = f.string(), env] { return run_lox_test(file, env, LoxMode::llinterp); }});
  }
  return suite;
}

}  // namespace rpp::harness
