// `rpp bench` (bench_command.h): options, the translations, the runs, the report.
#include "bench/harness/bench_command.h"

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "bench/harness/measure.h"
#include "bench/harness/plan.h"
#include "bench/harness/reference.h"
#include "bench/harness/report.h"

namespace rpp::bench {

namespace fs = std::filesystem;

namespace {

const char* const kHelp = R"(usage: rpp bench [OPTIONS] [NAME...]

Translates the examples the benchmarks need, runs every benchmark several times in every
configuration and writes bench/results/DATE.md: median CPU and wall time and peak memory per
benchmark and configuration, the backend optimizations' counts and speed-up (--opt=0 vs
--opt=2), and ratios against the reference figures of ../shared/bench/README.md.

Benchmarks: bf/NAME (../shared/bench/bf/NAME.b on examples/bf), lox/NAME
(../shared/lox/test/benchmark/NAME.lox on examples/lox), pair_loop (bench/backendopt),
translate/bf and translate/lox (rpp translate itself, with an empty C++ cache).
Configurations: untranslated (rpp run, stopped after --timeout), opt2 (translated, no JIT,
the default --opt=2), opt0 (translated, no JIT, --opt=0); the JIT is reported absent.
A NAME keeps the benchmarks whose name contains it; an example that does not translate is
reported as skipped with its error.

options:
  --runs=N        runs per benchmark and configuration (default 3)
  --timeout=S     stop an untranslated run after S seconds (default 10; translated: 600)
  --configs=A,B   only these configurations (untranslated, opt2, opt0)
  --quick         one run, small programs (bench/quick/), pair_loop and translate/bf:
                  checks that the harness works (tests/bench/quick.py), not for figures
  -o, --output=F  the report's file (default bench/results/DATE.md, DATE-quick.md with --quick)
  --list          print the benchmarks' names and stop
  -h, --help      this help

Run the full set rarely: the machine is shared (a full run takes about 20 minutes).
)";

struct Options {
  int runs = 3;
  double timeout = 10;
  bool quick = false;
  bool list = false;
  std::string output;
  std::vector<std::string> configs;
  std::vector<std::string> names;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "rpp bench: error: " << message << "\n(see `rpp bench --help`)\n";
  std::exit(2);
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  std::string p;
  while (std::getline(in, p, ','))
    if (!p.empty()) parts.push_back(p);
  return parts;
}

Options parse_options(const std::vector<std::string>& args) {
  Options o;
  bool runs_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& name) -> std::string {
      if (a.starts_with(name + "=")) return a.substr(name.size() + 1);
      if (i + 1 >= args.size()) usage_error(name + " needs a value");
      return args[++i];
    };
    if (a == "--quick") {
      o.quick = true;
    } else if (a == "--list") {
      o.list = true;
    } else if (a.starts_with("--runs")) {
      std::string v = value("--runs");
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (*end || n < 1 || n > 100) usage_error("--runs takes a number from 1 to 100, not '" + v + "'");
      o.runs = int(n);
      runs_given = true;
    } else if (a.starts_with("--timeout")) {
      std::string v = value("--timeout");
      char* end = nullptr;
      double t = std::strtod(v.c_str(), &end);
      if (*end || !(t > 0)) usage_error("--timeout takes a positive number of seconds, not '" + v + "'");
      o.timeout = t;
    } else if (a.starts_with("--configs")) {
      o.configs = split_commas(value("--configs"));
      for (const std::string& c : o.configs)
        if (c != "untranslated" && c != "opt2" && c != "opt0")
          usage_error("unknown configuration '" + c + "' (untranslated, opt2, opt0)");
    } else if (a == "-o" || a.starts_with("--output")) {
      o.output = a == "-o" ? value("-o") : value("--output");
    } else if (a.starts_with("-")) {
      usage_error("unknown option '" + a + "'");
    } else {
      o.names.push_back(a);
    }
  }
  if (o.quick && !runs_given) o.runs = 1;
  return o;
}

std::string now_text(const char* format) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string load_averages() {
  std::string text = read_file("/proc/loadavg");
  std::stringstream in(text);
  std::string a, b, c;
  in >> a >> b >> c;
  return a.empty() ? "unknown" : a + " " + b + " " + c;
}

// The line of `text` containing `needle` (without a `[rpp] ` prefix), or "".
std::string line_with(const std::string& text, const std::string& needle) {
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (auto p = line.find(needle); p != std::string::npos) return line.substr(p);
  return "";
}

// The line that says what went wrong (with its location): the first with "error:", else the first.
std::string first_error_line(const std::string& err) {
  std::stringstream in(err);
  std::string line, first;
  while (std::getline(in, line)) {
    if (line.find("error:") != std::string::npos) return line;
    if (first.empty()) first = line;
  }
  return first;
}

std::string commit_of(const std::string& home) {
  Command c;
  c.argv = {"git", "-C", home, "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"};
  c.workdir = fs::temp_directory_path().string();
  c.timeout_seconds = 20;
  Measurement m = measure(c);
  std::string s = m.out.substr(0, m.out.find('\n'));
  if (m.exit_code != 0 || s.empty()) return "unknown";
  c.argv = {"git", "-C", home, "status", "--porcelain", "--untracked-files=no"};
  Measurement dirty = measure(c);
  return s + (dirty.exit_code == 0 && !dirty.out.empty() ? " (with uncommitted changes)" : "");
}

class BenchRun {
 public:
  BenchRun(std::string home, Options options) : home_(std::move(home)), o_(std::move(options)) {
    rpp_ = home_ + "/bazel-bin/translator/driver/rpp";
    shared_ = (fs::path(home_).parent_path() / "shared").string();
  }

  int run() {
    plan_ = make_plan(home_, shared_, o_.quick);
    select();
    if (o_.list) {
      for (const Benchmark& b : plan_.benchmarks) std::cout << b.name << "\n";
      return 0;
    }
    if (plan_.benchmarks.empty()) usage_error("no benchmark matches (see `rpp bench --list`)");
    char tmpl[] = "/tmp/rpp-bench-XXXXXX";
    if (!mkdtemp(tmpl)) usage_error("cannot create a temporary folder");
    work_ = tmpl;
    references_ = read_reference_figures(shared_ + "/bench/README.md");
    references_.source = shorter_paths(references_.source);
    if (!references_.error.empty()) references_.error = shorter_paths(references_.error);
    ReportInput input;
    input.machine = std::to_string(std::thread::hardware_concurrency()) + " cores, load averages " +
                    load_averages() + " at the start";
    input.title_date = now_text("%Y-%m-%d %H:%M UTC");
    input.commit = commit_of(home_);
    for (const Benchmark& b : plan_.benchmarks)
      for (const Configuration& c : plan_.configurations)
        if (c.absent.empty()) input.results.push_back(run_benchmark(b, c));
    input.machine += ", " + load_averages() + " at the end (a shared machine: compare ratios of one run)";
    input.runs = o_.runs;
    input.untranslated_timeout = o_.timeout;
    input.quick = o_.quick;
    input.plan = &plan_;
    input.translations = translations_;
    input.references = &references_;
    std::string report = make_report(input);
    std::string output = o_.output;
    if (output.empty())
      output = home_ + "/bench/results/" + now_text("%Y-%m-%d") + (o_.quick ? "-quick" : "") + ".md";
    fs::create_directories(fs::absolute(output).parent_path());
    std::ofstream f(output);
    if (!f) {
      std::cerr << "rpp bench: error: cannot write " << output << "\n";
      return 1;
    }
    f << report;
    f.close();
    std::error_code ec;
    fs::remove_all(work_, ec);
    std::cout << report;
    std::cerr << "rpp bench: wrote " << output << "\n";
    return 0;
  }

 private:
  // Keeps the benchmarks whose name contains one of the NAMEs, the configurations asked for.
  void select() {
    if (!o_.names.empty()) {
      std::vector<Benchmark> kept;
      for (const Benchmark& b : plan_.benchmarks)
        for (const std::string& n : o_.names)
          if (b.name.find(n) != std::string::npos) {
            kept.push_back(b);
            break;
          }
      plan_.benchmarks = kept;
    }
    if (!o_.configs.empty()) {
      std::vector<Configuration> kept;
      for (const Configuration& c : plan_.configurations)
        for (const std::string& n : o_.configs)
          if (c.name == n) kept.push_back(c);
      plan_.configurations = kept;
    }
  }

  // Paths in the report relative to the repository (and ../shared for the shared folder).
  std::string shorter_paths(std::string text) const {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{home_ + "/", ""}, {shared_, "../shared"}})
      for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
        text.replace(p, from.size(), to);
    return text;
  }

  void progress(const std::string& text) { std::cerr << "rpp bench: " << text << "\n"; }

  Command translate_command(const Example& e, const Configuration& c, const std::string& executable,
                            const std::string& cache) {
    Command cmd;
    cmd.argv = {rpp_, "translate", "-o", executable};
    for (const std::string& f : c.translate_flags) cmd.argv.push_back(f);
    cmd.argv.push_back(home_ + "/" + e.target);
    cmd.env["RPP_HOME"] = home_;
    if (!cache.empty()) cmd.env["RPP_CACHE_DIR"] = cache;
    cmd.workdir = work_;
    cmd.timeout_seconds = 900;
    return cmd;
  }

  Translation record_translation(const Example& e, const Configuration& c, const Measurement& m,
                                 const std::string& executable) {
    Translation t;
    t.executable = executable;
    t.ok = m.exit_code == 0 && !m.timed_out && fs::exists(executable);
    if (!t.ok) t.error = m.timed_out ? "timed out" : shorter_paths(first_error_line(m.err));
    std::string counts = line_with(m.err, "backendopt: ");
    t.backendopt = counts.empty() ? "" : counts.substr(std::string("backendopt: ").size());
    translations_[{e.name, c.name}] = t;
    return t;
  }

  // The executable of an example in a translated configuration, translated once.
  const Translation& translation(const Example& e, const Configuration& c) {
    auto it = translations_.find({e.name, c.name});
    if (it != translations_.end()) return it->second;
    std::string executable = work_ + "/" + e.name + "-" + c.name;
    progress("translating " + e.target + " (" + c.label + ")");
    Measurement m = measure(translate_command(e, c, executable, ""));
    record_translation(e, c, m, executable);
    return translations_[{e.name, c.name}];
  }

  std::string not_translating(const Example& e, const Configuration& c, const Translation& t) {
    return e.target + " does not translate at " + c.translate_flags.front() + " yet (" + t.error + ")";
  }

  Result run_benchmark(const Benchmark& b, const Configuration& c) {
    Result r;
    r.benchmark = b.name;
    r.configuration = c.name;
    const Example* e = find_example(plan_, b.example);
    if (b.translation) {
      if (c.kind != ConfigurationKind::Translated) {
        r.skipped = "a translation benchmark";
        return r;
      }
      return run_translation(b, c, *e);
    }
    Command cmd;
    cmd.workdir = work_;
    cmd.env["RPP_HOME"] = home_;
    if (c.kind == ConfigurationKind::Untranslated) {
      cmd.argv = {rpp_, "run", home_ + "/" + e->target};
      cmd.timeout_seconds = o_.timeout;
    } else {
      const Translation& t = translation(*e, c);
      if (!t.ok) {
        r.skipped = not_translating(*e, c, t);
        progress(b.name + " (" + c.name + "): skipped: " + r.skipped);
        return r;
      }
      cmd.argv = {t.executable};
      cmd.timeout_seconds = 600;
    }
    for (const std::string& a : b.args) cmd.argv.push_back(a);
    return run_times(b, c, cmd, r);
  }

  Result run_translation(const Benchmark& b, const Configuration& c, const Example& e) {
    Result r;
    r.benchmark = b.name;
    r.configuration = c.name;
    std::vector<double> cpu, wall;
    for (int i = 0; i < o_.runs; ++i) {
      std::string cache = work_ + "/cache-" + c.name + "-" + std::to_string(i);
      std::string executable = work_ + "/" + e.name + "-" + c.name;
      Measurement m = measure(translate_command(e, c, executable, cache));
      std::error_code ec;
      fs::remove_all(cache, ec);
      Translation t = record_translation(e, c, m, executable);
      if (!t.ok) {
        r.skipped = not_translating(e, c, t);
        progress(b.name + " (" + c.name + "): skipped: " + r.skipped);
        return r;
      }
      progress(b.name + " (" + c.name + ") run " + std::to_string(i + 1) + "/" + std::to_string(o_.runs) + ": " +
               format_seconds(m.wall_seconds) + " wall, " + format_megabytes(m.peak_rss_kb));
      cpu.push_back(m.cpu_seconds);
      wall.push_back(m.wall_seconds);
      r.peak_rss_kb = std::max(r.peak_rss_kb, m.peak_rss_kb);
      ++r.runs;
    }
    r.median_cpu = median(cpu);
    r.median_wall = median(wall);
    return r;
  }

  Result run_times(const Benchmark& b, const Configuration& c, const Command& cmd, Result& r) {
    std::vector<double> cpu, wall;
    for (int i = 0; i < o_.runs; ++i) {
      Measurement m = measure(cmd);
      if (m.timed_out) {
        r.timed_out = true;
        if (r.runs == 0) r.median_wall = cmd.timeout_seconds;
        r.note = "stopped after " + format_seconds(cmd.timeout_seconds);
        progress(b.name + " (" + c.name + "): " + r.note);
        break;
      }
      if (m.exit_code != 0) {
        r.note = "exit code " + std::to_string(m.exit_code) + ": " + shorter_paths(first_error_line(m.err));
        progress(b.name + " (" + c.name + "): failed: " + r.note);
        break;
      }
      auto first = outputs_.find(b.name);
      if (first == outputs_.end()) outputs_[b.name] = {c.name, m.out};
      else if (b.deterministic_output && first->second.second != m.out && r.note.empty())
        r.note = "standard output differs from " + first->second.first + "'s";
      progress(b.name + " (" + c.name + ") run " + std::to_string(i + 1) + "/" + std::to_string(o_.runs) + ": " +
               format_seconds(m.cpu_seconds) + " CPU, " + format_seconds(m.wall_seconds) + " wall");
      cpu.push_back(m.cpu_seconds);
      wall.push_back(m.wall_seconds);
      r.peak_rss_kb = std::max(r.peak_rss_kb, m.peak_rss_kb);
      ++r.runs;
    }
    if (r.runs) {
      r.median_cpu = median(cpu);
      r.median_wall = median(wall);
    }
    return r;
  }

  std::string home_, rpp_, shared_, work_;
  Options o_;
  Plan plan_;
  ReferenceFigures references_;
  std::map<std::pair<std::string, std::string>, Translation> translations_;
  std::map<std::string, std::pair<std::string, std::string>> outputs_;  // benchmark → (configuration, stdout)
};

}  // namespace

int bench_command(const std::string& rpp_home, const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "-h" || a == "--help") {
      std::cout << kHelp;
      return 0;
    }
  return BenchRun(rpp_home, parse_options(args)).run();
}

}  // namespace rpp::bench
