// Unit tests of the benchmark harness: the reference tables' parser, the median, a measured
// process, the report's shape.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <filesystem>

#include "bench/harness/measure.h"
#include "bench/harness/reference.h"
#include "bench/harness/report.h"

using namespace rpp::bench;

namespace {

const char* const kReadme = R"(# Reference
| translation | wall | CPU | peak RSS | binary | generated C |
|---|---|---|---|---|---|
| example2, no JIT | 23.5 s | 13–18 s | 135 MB | 345 KB | 57k lines |
| example5, `--opt=jit` | 8 min 44 s | 328 s | 995 MB | 7.0 MB | 1.26M lines |

| program (BF ops executed) | RPython no JIT | RPython JIT |
|---|---|---|
| bf/mandel.b (10.5e9) | 22.2 s | 2.95 s |

| benchmark | clox | LuaJIT |
|---|---|---|
| fib | 0.80 | 0.07 |
| string_equality | (fails: too many constants) | <0.01 |
)";

}  // namespace

TEST_CASE("the reference tables are read by their first header cell") {
  ReferenceFigures f = parse_reference_figures(kReadme, "README.md");
  CHECK(f.error.empty());
  REQUIRE(f.rows.size() == 4);
  const ReferenceRow* tr = f.find("translate/bf");
  REQUIRE(tr);
  CHECK(tr->values[0].column == "wall");
  CHECK(*tr->values[0].number == doctest::Approx(23.5));
  CHECK(*tr->values[2].number == doctest::Approx(135));
  const ReferenceRow* mandel = f.find("bf/mandel");
  REQUIRE(mandel);
  CHECK(mandel->values[1].column == "RPython JIT");
  CHECK(*mandel->values[1].number == doctest::Approx(2.95));
  const ReferenceRow* se = f.find("lox/string_equality");
  REQUIRE(se);
  CHECK(!se->values[0].number);  // "(fails: ...)"
  CHECK(se->values[1].below);
  CHECK(*se->values[1].number == doctest::Approx(0.01));
  CHECK(f.find("lox/fib"));
  CHECK(!f.find("translate/example5"));
}

TEST_CASE("a missing reference file is an error, not a crash") {
  ReferenceFigures f = read_reference_figures("/nonexistent/README.md");
  CHECK(!f.error.empty());
  CHECK(f.rows.empty());
}

TEST_CASE("median of odd and even counts") {
  CHECK(median({3, 1, 2}) == 2);
  CHECK(median({4, 1, 3, 2}) == doctest::Approx(2.5));
  CHECK(median({}) == 0);
}

TEST_CASE("measure: exit code, output, CPU time and a time-out") {
  std::string dir = std::filesystem::temp_directory_path().string();
  Command c;
  c.argv = {"/bin/sh", "-c", "echo out; echo err >&2; i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 3"};
  c.workdir = dir;
  Measurement m = measure(c);
  CHECK(m.exit_code == 3);
  CHECK(m.out == "out\n");
  CHECK(m.err == "err\n");
  CHECK(m.cpu_seconds > 0);
  CHECK(m.peak_rss_kb > 0);
  CHECK(!m.timed_out);
  Command slow;
  slow.argv = {"/bin/sleep", "5"};
  slow.workdir = dir;
  slow.timeout_seconds = 0.2;
  Measurement s = measure(slow);
  CHECK(s.timed_out);
  CHECK(s.wall_seconds < 4);
}

TEST_CASE("the report: a table row per benchmark and configuration, ratios against the references") {
  ReferenceFigures f = parse_reference_figures(kReadme, "README.md");
  Plan plan;
  plan.examples = {{"bf", "examples/bf/targetbf.py"}};
  plan.benchmarks = {{"bf/mandel", "bf", {"mandel.b"}, false, true}, {"translate/bf", "bf", {}, true, true}};
  plan.configurations = {{"opt2", "translated, --opt=2", ConfigurationKind::Translated, {"--opt=2"}, ""},
                         {"opt0", "translated, --opt=0", ConfigurationKind::Translated, {"--opt=0"}, ""},
                         {"jit", "with the JIT", ConfigurationKind::Jit, {"--jit"}, "absent: not yet"}};
  ReportInput in;
  in.title_date = "2026-11-29 07:00 UTC";
  in.commit = "abc";
  in.machine = "2 cores";
  in.runs = 3;
  in.untranslated_timeout = 10;
  in.plan = &plan;
  in.references = &f;
  in.results = {{"bf/mandel", "opt2", "", 3, false, 11.1, 12.0, 4096, ""},
                {"bf/mandel", "opt0", "", 3, false, 22.2, 23.0, 4096, ""},
                {"translate/bf", "opt2", "", 3, false, 2.0, 2.35, 27648, ""},
                {"translate/bf", "opt0", "examples/bf/targetbf.py does not translate", 0, false, 0, 0, 0, ""}};
  in.translations[{"bf", "opt2"}] = {true, "x", "", "31 calls inlined, 3 mallocs removed"};
  std::string r = make_report(in);
  CHECK(r.find("| bf/mandel | opt2 | 11.10 s | 12.00 s | 4.0 MB | 3 |  |") != std::string::npos);
  CHECK(r.find("with the JIT: absent: not yet") != std::string::npos);
  CHECK(r.find("| bf/mandel | 22.20 s | 11.10 s | 2.00× |") != std::string::npos);  // opt0 vs opt2
  CHECK(r.find("| bf/mandel | RPython no JIT | 22.2 s | 0.50× | 1.00× |") != std::string::npos);
  CHECK(r.find("| translate/bf | wall | 23.5 s | 0.10× | — |") != std::string::npos);
  CHECK(r.find("| translate/bf | opt0 | — | — | — | 0 | skipped: examples/bf/targetbf.py does not translate |") !=
        std::string::npos);
  CHECK(r.find("| bf | 31 calls inlined, 3 mallocs removed |") != std::string::npos);
}
