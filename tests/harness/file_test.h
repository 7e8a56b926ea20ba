// File tests: a test file carries, in comments, the command to run and what its output must be.
// One format for every stage's tests (program runs, dumps, error messages). See docs/testing.md.
//
//   run: rpp translate --stop-after=flow --dump=flow %s     (the command; `rpp` is this binary)
//   before: CMD              a command run first, in the same folder, that must exit 0 (repeatable;
//                            e.g. translate, then `run:` the executable)
//   stdin: TEXT              a line of standard input (repeatable)
//   env: NAME=VALUE          an environment variable for the command
//   exit: N                  the expected exit code (default 0)
//   stdout: TEXT             a line of the whole expected standard output (repeatable; exact)
//   check: / nextln: / sameln: / not:                FileCheck on standard output
//   stderr-check: / stderr-nextln: / stderr-not: ... FileCheck on standard error
//   same-as: python3         standard output and exit code equal `python3 FILE ARGS`
//   timeout: SECONDS         (default 120)
// Comments start with `#` in .py files, `//` in .lox files and `;` elsewhere. In `run:`, %s is
// the test file, %S its folder, %t a fresh temporary folder, %{shared} the ../shared folder.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "tests/harness/filecheck.h"
#include "tests/harness/outcome.h"

namespace rpp::harness {

struct FileTest {
  std::string path;
  std::vector<std::string> command;  // raw words of `run:`, substituted when run
  std::vector<std::vector<std::string>> before_commands;  // raw words of each `before:`, in order
  std::vector<std::string> stdin_lines;
  std::vector<std::pair<std::string, std::string>> env;
  int expected_exit = 0;
  std::optional<std::vector<std::string>> expected_stdout;
  std::vector<CheckDirective> stdout_checks;
  std::vector<CheckDirective> stderr_checks;
  bool same_as_python3 = false;
  double timeout_seconds = 120;
};

// The comment prefix for a file, from its extension.
std::string comment_prefix_for(const std::string& path);

// Reads the directives of a test file; nullopt when the file has no `run:` line (a helper file).
// Throws std::runtime_error on a malformed directive.
std::optional<FileTest> parse_file_test(const std::string& path);

TestOutcome run_file_test(const FileTest& test, const HarnessEnv& env);

}  // namespace rpp::harness
