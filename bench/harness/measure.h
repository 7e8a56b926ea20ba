// Running one benchmark command and measuring it: wall time, CPU time (user + system of the
// command and of every process it waited for, such as the C++ compiler under `rpp translate`)
// and peak resident memory (the largest of those processes), from wait4's resource usage.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace rpp::bench {

struct Command {
  std::vector<std::string> argv;             // argv[0] is a path or looked up on PATH
  std::map<std::string, std::string> env;    // added to (or replacing in) the environment
  std::string workdir;                       // where the output files go (must exist)
  double timeout_seconds = 600;
};

struct Measurement {
  double wall_seconds = 0;
  double cpu_seconds = 0;   // user + system
  long peak_rss_kb = 0;
  int exit_code = -1;       // 128+N when killed by signal N
  bool timed_out = false;
  std::string out;          // standard output (kept whole)
  std::string err;          // standard error (kept whole)
};

// Runs the command once (standard input empty, outputs to files in `workdir`); a command still
// running after the timeout is killed with its process group.
Measurement measure(const Command& command);

// The median of the values (the mean of the two middle ones for an even count); 0 when empty.
double median(std::vector<double> values);

}  // namespace rpp::bench
