// Writing the `rpp bench` report (report.h).
#include "bench/harness/report.h"

#include <cstdio>
#include <set>
#include <sstream>

namespace rpp::bench {

namespace {

const Result* find_result(const ReportInput& in, const std::string& benchmark, const std::string& configuration) {
  for (const Result& r : in.results)
    if (r.benchmark == benchmark && r.configuration == configuration) return &r;
  return nullptr;
}

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A result's time cell: "20.31 s" or "> 10 s (stopped)" or "skipped".
std::string time_cell(const Result& r, bool wall) {
  if (!r.skipped.empty()) return "—";
  if (r.timed_out && r.runs == 0) return "> " + format_seconds(r.median_wall) + " (stopped)";
  if (r.runs == 0) return "failed";
  return format_seconds(wall ? r.median_wall : r.median_cpu);
}

// What we compare with a reference figure: the CPU time (a translation: the wall time, as the
// reference's "wall" column).
std::string ratio_cell(const Result* r, const ReferenceValue& ref, bool wall) {
  if (!r || !r->skipped.empty() || r->runs == 0 || !ref.number || *ref.number <= 0) return "—";
  double mine = wall ? r->median_wall : r->median_cpu;
  std::string s = fixed(mine / *ref.number, mine / *ref.number < 10 ? 2 : 1) + "×";
  return ref.below ? "> " + s : s;
}

}  // namespace

std::string format_seconds(double s) {
  if (s >= 100) return fixed(s, 0) + " s";
  if (s >= 1) return fixed(s, 2) + " s";
  return fixed(s, 3) + " s";
}

std::string format_megabytes(long kb) { return fixed(double(kb) / 1024.0, 1) + " MB"; }

std::string make_report(const ReportInput& in) {
  const Plan& plan = *in.plan;
  std::ostringstream out;
  out << "# rpp benchmarks, " << in.title_date << (in.quick ? " (quick mode)" : "") << "\n\n";
  out << "- commit: " << in.commit << "\n";
  out << "- machine: " << in.machine << "\n";
  out << "- runs per benchmark and configuration: " << in.runs
      << "; times are medians, CPU = user + system of the process and its children; peak RSS = the "
         "largest resident set of the process or one of its children, over the runs\n";
  out << "- untranslated runs are stopped after " << format_seconds(in.untranslated_timeout)
      << " (`> T (stopped)`: no further runs)\n";
  for (const Configuration& c : plan.configurations)
    if (!c.absent.empty()) out << "- " << c.label << ": " << c.absent << "\n";
  for (const std::string& n : plan.notes) out << "- " << n << "\n";
  out << "\n";

  // ---- programs
  out << "## Programs\n\n";
  out << "| benchmark | configuration | CPU (median) | wall (median) | peak RSS | runs | notes |\n";
  out << "|---|---|---|---|---|---|---|\n";
  for (const Benchmark& b : plan.benchmarks) {
    if (b.translation) continue;
    for (const Configuration& c : plan.configurations) {
      if (!c.absent.empty()) continue;
      const Result* r = find_result(in, b.name, c.name);
      if (!r) continue;
      out << "| " << b.name << " | " << c.name << " | " << time_cell(*r, false) << " | " << time_cell(*r, true) << " | "
          << (r->skipped.empty() && r->runs ? format_megabytes(r->peak_rss_kb) : "—") << " | " << r->runs << " | "
          << (r->skipped.empty() ? r->note : "skipped: " + r->skipped) << " |\n";
    }
  }
  out << "\n";

  // ---- translations
  out << "## Translation\n\n";
  out << "`rpp translate` with an empty C++ compile cache (the C++ compiler's time and memory included).\n\n";
  out << "| example | configuration | wall (median) | CPU (median) | peak RSS | runs | backend optimizations |\n";
  out << "|---|---|---|---|---|---|---|\n";
  for (const Benchmark& b : plan.benchmarks) {
    if (!b.translation) continue;
    for (const Configuration& c : plan.configurations) {
      if (!c.absent.empty() || c.kind != ConfigurationKind::Translated) continue;
      const Result* r = find_result(in, b.name, c.name);
      if (!r) continue;
      auto t = in.translations.find({b.example, c.name});
      std::string counts = t == in.translations.end() ? "" : t->second.backendopt;
      out << "| " << b.name << " | " << c.name << " | " << time_cell(*r, true) << " | " << time_cell(*r, false) << " | "
          << (r->skipped.empty() && r->runs ? format_megabytes(r->peak_rss_kb) : "—") << " | " << r->runs << " | "
          << (r->skipped.empty() ? counts : "skipped: " + r->skipped) << " |\n";
    }
  }
  out << "\n";

  // ---- backend optimizations
  out << "## Backend optimizations (--opt=0 vs --opt=2)\n\n";
  out << "| example | counts at --opt=2 |\n|---|---|\n";
  std::set<std::string> seen;
  for (const Benchmark& b : plan.benchmarks) {
    if (!seen.insert(b.example).second) continue;
    auto t = in.translations.find({b.example, "opt2"});
    if (t == in.translations.end()) continue;
    out << "| " << b.example << " | " << (t->second.ok ? t->second.backendopt : "does not translate: " + t->second.error)
        << " |\n";
  }
  out << "\n| benchmark | --opt=0 CPU | --opt=2 CPU | speed-up |\n|---|---|---|---|\n";
  for (const Benchmark& b : plan.benchmarks) {
    if (b.translation) continue;
    const Result* o0 = find_result(in, b.name, "opt0");
    const Result* o2 = find_result(in, b.name, "opt2");
    if (!o0 || !o2) continue;
    bool both = o0->skipped.empty() && o2->skipped.empty() && o0->runs && o2->runs;
    out << "| " << b.name << " | " << time_cell(*o0, false) << " | " << time_cell(*o2, false) << " | "
        << (both && o2->median_cpu > 0 ? fixed(o0->median_cpu / o2->median_cpu, 2) + "×" : "—") << " |\n";
  }
  out << "\n";

  // ---- ratios
  out << "## Ratios against the reference figures\n\n";
  if (!in.references || !in.references->error.empty()) {
    out << "No reference figures: " << (in.references ? in.references->error : "none read") << ".\n";
    return out.str();
  }
  out << "From `" << in.references->source << "` (measured there on the same kind of machine). Ratio = rpp's "
      << "median CPU time (translations: wall time) / the reference; below 1 is faster.\n\n";
  std::vector<const Configuration*> measured;
  for (const Configuration& c : plan.configurations)
    if (c.absent.empty()) measured.push_back(&c);
  out << "| benchmark | reference | figure |";
  for (const Configuration* c : measured) out << " " << c->name << " |";
  out << "\n|---|---|---|";
  for (size_t i = 0; i < measured.size(); ++i) out << "---|";
  out << "\n";
  for (const Benchmark& b : plan.benchmarks) {
    const ReferenceRow* row = in.references->find(b.name);
    if (!row) continue;
    bool any_measured = false;  // a benchmark measured in no configuration has no ratio rows
    for (const Configuration* c : measured) {
      const Result* r = find_result(in, b.name, c->name);
      if (r && r->skipped.empty() && r->runs) any_measured = true;
    }
    if (!any_measured) continue;
    for (const ReferenceValue& v : row->values) {
      if (b.translation && v.column != "wall" && v.column != "peak RSS") continue;
      out << "| " << b.name << " | " << v.column << " | " << v.text << " |";
      for (const Configuration* c : measured) {
        const Result* r = find_result(in, b.name, c->name);
        if (b.translation && v.column == "peak RSS") {
          bool ok = r && r->skipped.empty() && r->runs && v.number && *v.number > 0;
          out << " " << (ok ? fixed(double(r->peak_rss_kb) / 1024.0 / *v.number, 2) + "×" : "—") << " |";
        } else {
          out << " " << ratio_cell(r, v, b.translation) << " |";
        }
      }
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace rpp::bench
