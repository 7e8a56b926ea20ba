// The Markdown report of `rpp bench` (bench/results/<date>.md): per benchmark and
// configuration the median CPU and wall time and the peak memory, the ratios against the
// reference figures, the translations (with the backend optimizations' counts).
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench/harness/plan.h"
#include "bench/harness/reference.h"

namespace rpp::bench {

// One benchmark in one configuration.
struct Result {
  std::string benchmark;
  std::string configuration;  // Configuration::name
  std::string skipped;        // non-empty: not measured, and why
  int runs = 0;               // completed runs
  bool timed_out = false;     // stopped after the time limit (then no further runs)
  double median_cpu = 0;
  double median_wall = 0;
  long peak_rss_kb = 0;       // the largest over the runs
  std::string note;           // a failed run, an output that differs
};

// The translation of one example in one configuration.
struct Translation {
  bool ok = false;
  std::string executable;
  std::string error;       // the first error line when it failed
  std::string backendopt;  // the summary's `backendopt: ...` counts
};

struct ReportInput {
  std::string title_date;   // "2026-11-29 07:00 UTC"
  std::string commit;       // `git describe`-like, or "unknown"
  std::string machine;      // cores and load averages
  int runs = 0;
  double untranslated_timeout = 0;
  bool quick = false;
  const Plan* plan = nullptr;
  std::vector<Result> results;
  std::map<std::pair<std::string, std::string>, Translation> translations;  // (example, configuration)
  const ReferenceFigures* references = nullptr;
};

std::string make_report(const ReportInput& input);

// "20.3 s", "0.012 s", "4.0 MB" (formats of the report).
std::string format_seconds(double s);
std::string format_megabytes(long kb);

}  // namespace rpp::bench
