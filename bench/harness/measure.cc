// measure(): fork/execvpe into its own process group, stdout and stderr into files, wait4 for
// the resource usage (measure.h).
#include "bench/harness/measure.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace rpp::bench {

namespace {

std::string read_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  unlink(path.c_str());
  return text.str();
}

double seconds_of(const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; }

}  // namespace

Measurement measure(const Command& command) {
  Measurement m;
  std::map<std::string, std::string> env_map;
  for (char** e = environ; *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq) env_map[std::string(*e, eq - *e)] = eq + 1;
  }
  for (const auto& [k, v] : command.env) env_map[k] = v;
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env_map) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = command.argv;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string out_path = command.workdir + "/measure-" + std::to_string(getpid()) + ".out";
  std::string err_path = command.workdir + "/measure-" + std::to_string(getpid()) + ".err";
  int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out_fd < 0 || err_fd < 0 || null_fd < 0 || argv.size() < 2) {
    m.err = "bench: cannot start the command (output files in " + command.workdir + ")";
    for (int fd : {out_fd, err_fd, null_fd})
      if (fd >= 0) close(fd);
    return m;
  }
  static const char kExecFailed[] = "bench: cannot execute the command\n";
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    execvpe(argv[0], argv.data(), envp.data());
    (void)!write(2, kExecFailed, sizeof kExecFailed - 1);
    _exit(127);
  }
  close(out_fd);
  close(err_fd);
  close(null_fd);
  if (pid < 0) {
    m.err = "bench: fork failed";
    return m;
  }
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!m.timed_out && elapsed > command.timeout_seconds) {
      m.timed_out = true;
      kill(-pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(elapsed < 1 ? 2 : 20));
  }
  m.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  m.peak_rss_kb = usage.ru_maxrss;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  m.out = read_and_remove(out_path);
  m.err = read_and_remove(err_path);
  return m;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace rpp::bench
