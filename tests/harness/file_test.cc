// Parsing and running file tests.
#include "tests/harness/file_test.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/harness/process.h"

namespace rpp::harness {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

bool take(const std::string& text, const std::string& word, std::string& rest) {
  if (text.compare(0, word.size(), word) != 0) return false;
  rest = trim(text.substr(word.size()));
  return true;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (auto& l : lines) out += l + "\n";
  return out;
}

std::string indent(const std::string& text, size_t limit = 4000) {
  std::string clipped = text.size() > limit ? text.substr(0, limit) + "\n... (clipped)" : text;
  std::string out = "    | ";
  for (char c : clipped) {
    out += c;
    if (c == '\n') out += "    | ";
  }
  return out;
}

}  // namespace

std::string comment_prefix_for(const std::string& path) {
  if (path.ends_with(".py")) return "#";
  if (path.ends_with(".lox")) return "//";
  return ";";
}

std::optional<FileTest> parse_file_test(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  FileTest t;
  t.path = path;
  std::string prefix = comment_prefix_for(path);
  std::string line;
  int number = 0;
  bool has_run = false;
  while (std::getline(in, line)) {
    ++number;
    std::string text = trim(line);
    if (text.compare(0, prefix.size(), prefix) != 0) continue;
    text = trim(text.substr(prefix.size()));
    std::string rest;
    CheckDirective check;
    if (take(text, "run:", rest)) {
      if (has_run) throw std::runtime_error(path + ":" + std::to_string(number) + ": a second run: line");
      t.command = split_words(rest);
      has_run = true;
    } else if (take(text, "before:", rest)) {
      t.before_commands.push_back(split_words(rest));
      if (t.before_commands.back().empty())
        throw std::runtime_error(path + ":" + std::to_string(number) + ": empty before: line");
    } else if (take(text, "stdin:", rest)) {
      t.stdin_lines.push_back(rest);
    } else if (take(text, "env:", rest)) {
      auto eq = rest.find('=');
      if (eq == std::string::npos)
        throw std::runtime_error(path + ":" + std::to_string(number) + ": env: needs NAME=VALUE");
      t.env.emplace_back(rest.substr(0, eq), rest.substr(eq + 1));
    } else if (take(text, "exit:", rest)) {
      t.expected_exit = std::stoi(rest);
    } else if (text.compare(0, 7, "stdout:") == 0) {
      // keep the line's own spacing after `stdout: `
      std::string value = text.size() > 8 ? line.substr(line.find("stdout:") + 8) : "";
      if (!value.empty() && value.back() == '\r') value.pop_back();
      if (!t.expected_stdout) t.expected_stdout.emplace();
      t.expected_stdout->push_back(value);
    } else if (take(text, "same-as:", rest)) {
      if (rest != "python3")
        throw std::runtime_error(path + ":" + std::to_string(number) + ": same-as: takes python3");
      t.same_as_python3 = true;
    } else if (take(text, "timeout:", rest)) {
      t.timeout_seconds = std::stod(rest);
    } else if (parse_check_directive(text, "stderr-", number, check)) {
      t.stderr_checks.push_back(check);
    } else if (parse_check_directive(text, "", number, check)) {
      t.stdout_checks.push_back(check);
    }
  }
  if (!has_run) return std::nullopt;
  if (t.command.empty()) throw std::runtime_error(path + ": empty run: line");
  return t;
}

TestOutcome run_file_test(const FileTest& test, const HarnessEnv& env) {
  TestOutcome outcome;
  std::string tmp = (fs::temp_directory_path() /
                     ("rpp-test-" + std::to_string(getpid()) + "-" +
                      std::to_string(std::hash<std::string>{}(test.path))))
                        .string();
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  auto substitute = [&](std::string w) {
    w = replace_all(w, "%{shared}", env.shared_dir);
    w = replace_all(w, "%s", test.path);
    w = replace_all(w, "%S", fs::path(test.path).parent_path().string());
    w = replace_all(w, "%t", tmp);
    return w;
  };
  auto command_spec = [&](const std::vector<std::string>& words) {
    ProcessSpec spec;
    for (auto& w : words) spec.argv.push_back(substitute(w));
    if (spec.argv[0] == "rpp") spec.argv[0] = env.rpp_binary;
    else if (spec.argv[0] == "python3") spec.argv[0] = env.python3;
    spec.env["RPP_HOME"] = env.rpp_home;
    for (auto& [k, v] : test.env) spec.env[k] = substitute(v);
    spec.timeout_seconds = test.timeout_seconds;
    spec.cwd = tmp;
    return spec;
  };
  for (const auto& words : test.before_commands) {
    ProcessSpec before = command_spec(words);
    ProcessResult b = run_process(before);
    if (b.exit_code == 0 && !b.timed_out) continue;
    std::ostringstream report;
    report << "  the before: command failed (exit code " << b.exit_code << (b.timed_out ? ", timed out" : "")
           << "):";
    for (auto& a : before.argv) report << " " << a;
    report << "\n  standard output:\n" << indent(b.out) << "\n  standard error:\n" << indent(b.err) << "\n";
    fs::remove_all(tmp);
    outcome.failed = 1;
    outcome.report = report.str();
    return outcome;
  }
  ProcessSpec spec = command_spec(test.command);
  spec.stdin_text = join_lines(test.stdin_lines);
  ProcessResult r = run_process(spec);

  std::ostringstream why;
  if (r.timed_out) why << "  timed out after " << test.timeout_seconds << " s\n";
  if (r.exit_code != test.expected_exit)
    why << "  exit code " << r.exit_code << ", expected " << test.expected_exit << "\n";
  if (test.expected_stdout && r.out != join_lines(*test.expected_stdout))
    why << "  standard output differs; expected:\n" << indent(join_lines(*test.expected_stdout)) << "\n";
  if (!test.stdout_checks.empty()) {
    std::string report = run_filecheck(test.stdout_checks, r.out);
    if (!report.empty()) why << "  standard output: " << report;
  }
  if (!test.stderr_checks.empty()) {
    std::string report = run_filecheck(test.stderr_checks, r.err);
    if (!report.empty()) why << "  standard error: " << report;
  }
  if (test.same_as_python3) {
    // python3 runs the file as a script, with the arguments that follow %s in run:.
    ProcessSpec py;
    py.argv = {env.python3, test.path};
    bool after = false;
    for (auto& w : test.command) {
      if (after) py.argv.push_back(substitute(w));
      if (w == "%s") after = true;
    }
    py.env = {{"PYTHONPATH", env.rpp_home + "/python"}, {"PYTHONHASHSEED", "0"},
              {"PYTHONIOENCODING", "utf-8"}, {"PYTHONUTF8", "1"}};
    py.stdin_text = spec.stdin_text;
    py.cwd = tmp;
    py.timeout_seconds = test.timeout_seconds;
    ProcessResult p = run_process(py);
    if (p.out != r.out)
      why << "  standard output differs from python3's:\n" << indent(p.out) << "\n";
    if (p.exit_code != r.exit_code)
      why << "  exit code " << r.exit_code << ", python3's " << p.exit_code << "\n";
  }
  fs::remove_all(tmp);
  std::string failures = why.str();
  if (failures.empty()) {
    outcome.passed = 1;
  } else {
    outcome.failed = 1;
    std::ostringstream report;
    report << failures << "  command:";
    for (auto& a : spec.argv) report << " " << a;
    report << "\n  standard output:\n" << indent(r.out) << "\n  standard error:\n" << indent(r.err) << "\n";
    outcome.report = report.str();
  }
  return outcome;
}

}  // namespace rpp::harness
