// Running a child process with given stdin, capturing stdout and stderr, with a time limit.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace rpp::harness {

struct ProcessResult {
  int exit_code = -1;  // the exit status; 128+N when killed by signal N
  std::string out;
  std::string err;
  bool timed_out = false;
  double seconds = 0;
};

struct ProcessSpec {
  std::vector<std::string> argv;                 // argv[0] is looked up on PATH
  std::map<std::string, std::string> env;        // added to (or replacing in) the environment
  std::string stdin_text;
  std::string cwd;                               // empty: the current folder
  double timeout_seconds = 120;
};

ProcessResult run_process(const ProcessSpec& spec);

}  // namespace rpp::harness
