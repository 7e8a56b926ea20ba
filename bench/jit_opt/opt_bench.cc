// The optimizer's benchmark: for each trace file (a loop written by hand from a typical
// interpreter loop), the loop body's operations, allocations and guards before and after
// optimization, the operations the reference interpreter executes for `n` iterations unoptimized
// and optimized, and the optimizer's speed (input operations per CPU second, best of 5 rounds).
// Usage: opt_bench N FILE.trace...
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/jit/interp/reference_interpreter.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/optimizer/optimizer.h"
#include "runtime/jit/testing/test_gc.h"
#include "runtime/jit/testing/test_helpers.h"
#include "runtime/ops.h"

using namespace rpp::jit;

namespace {

struct Counts {
  size_t ops = 0, allocs = 0, guards = 0;
};

// The operations after the trace's last label: one iteration of the loop.
Counts loop_body(const Trace& t) {
  size_t start = 0;
  for (size_t i = 0; i < t.ops().size(); ++i)
    if (t.ops()[i].opcode == Opcode::Label) start = i + 1;
  Counts c;
  for (size_t i = start; i < t.ops().size(); ++i) {
    Opcode op = t.ops()[i].opcode;
    if (is_final(op)) continue;
    ++c.ops;
    if (is_alloc(op)) ++c.allocs;
    if (is_guard(op)) ++c.guards;
  }
  return c;
}

uint64_t executed(const std::string& text, bool optimize, int64_t n) {
  TraceNamespace names;
  TestEnv env;
  register_test_helpers(names, &env);
  auto traces = parse_trace_file(text, names);
  std::shared_ptr<opt::ResumeStorage> keep;
  if (optimize) {
    auto o = opt::optimize_trace(traces[0].trace, names);
    traces[0].trace = std::move(o.trace);
    keep = o.resume;
  }
  TestGc::Options options;
  options.nursery_bytes = size_t{8} << 20;
  TestGc gc(names.type_table(), options);
  ReferenceInterpreter cpu(gc.hooks());
  env.gc = &gc;
  cpu.compile_loop(traces[0].trace, traces[0].loop);
  Word arg = static_cast<Word>(n);
  cpu.execute(traces[0].loop, std::span<const Word>(&arg, 1));
  rpp::ops::exc_clear();
  return cpu.operations_executed();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: opt_bench N FILE.trace...\n");
    return 2;
  }
  int64_t n = std::stoll(argv[1]);
  std::printf("%-18s %22s %22s %28s %14s\n", "trace", "loop ops before/after", "allocs before/after",
              "executed ops (n iterations)", "optimizer");
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a]);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    TraceNamespace names;
    TestEnv env;
    register_test_helpers(names, &env);
    auto traces = parse_trace_file(text, names);
    const Trace& input = traces[0].trace;
    auto o = opt::optimize_trace(input, names);
    Counts before = loop_body(input), after = loop_body(o.trace);
    double best = 1e30;
    size_t rounds = 2000;
    for (int r = 0; r < 5; ++r) {
      std::clock_t t0 = std::clock();  // CPU time: the machine may be shared
      for (size_t k = 0; k < rounds; ++k) {
        auto again = opt::optimize_trace(input, names);
        if (again.trace.ops().empty()) return 1;
      }
      double s = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
      if (s < best) best = s;
    }
    double ops_per_second = static_cast<double>(input.ops().size() * rounds) / best;
    std::string name = argv[a];
    name = name.substr(name.find_last_of('/') + 1);
    char cols[4][64];
    std::snprintf(cols[0], 64, "%zu -> %zu", before.ops, after.ops);
    std::snprintf(cols[1], 64, "%zu -> %zu", before.allocs, after.allocs);
    std::snprintf(cols[2], 64, "%llu -> %llu", static_cast<unsigned long long>(executed(text, false, n)),
                  static_cast<unsigned long long>(executed(text, true, n)));
    std::snprintf(cols[3], 64, "%.2fM ops/s", ops_per_second / 1e6);
    std::printf("%-18s %22s %22s %28s %14s\n", name.c_str(), cols[0], cols[1], cols[2], cols[3]);
  }
  return 0;
}
