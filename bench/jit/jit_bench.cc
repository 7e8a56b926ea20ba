// Benchmarks of the JIT backend (never run by tests; see bench/jit/README.md and run.sh):
//   jit_bench compile            trace operations compiled per second by the x86-64 backend, on
//                                large synthetic loops and on the fuzzer's small traces
//   jit_bench int N | float N    the loops of reference_loops.c as traces, compiled and run for
//                                N iterations; prints the result and the time (as the C does)
// Times are CPU times (the machine may be shared).
#include <ctime>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/testing/fuzz/trace_generator.h"
#include "runtime/jit/testing/test_gc.h"
#include "runtime/jit/testing/test_helpers.h"

using namespace rpp::jit;
// CPU time of this thread: the machine is shared, wall time is noisy.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

namespace {

const char* kIntLoop =
    "[i0, i1, i2, i3]\n"  // i, n, x, acc
    "label(i0, i1, i2, i3, descr=top)\n"
    "i4 = int_mul(i2, 6364136223846793005)\n"
    "i5 = int_add(i4, 1442695040888963407)\n"
    "i6 = uint_rshift(i5, 33)\n"
    "i7 = int_xor(i6, i0)\n"
    "i8 = int_add(i3, i7)\n"
    "i9 = int_add(i0, 1)\n"
    "i10 = int_lt(i9, i1)\n"
    "guard_true(i10, descr=done) [i8]\n"
    "jump(i9, i1, i5, i8, descr=top)\n";

const char* kFloatLoop =
    "[i0, i1, f2, f3]\n"  // i, n, x, v
    "label(i0, i1, f2, f3, descr=top)\n"
    "f4 = float_mul(f2, -0.01)\n"
    "f6 = float_add(f4, 0.0001)\n"
    "f7 = float_mul(f6, 0.5)\n"
    "f8 = float_add(f3, f7)\n"
    "f9 = float_mul(f8, 0.5)\n"
    "f10 = float_add(f2, f9)\n"
    "i11 = int_add(i0, 1)\n"
    "i12 = int_lt(i11, i1)\n"
    "guard_true(i12, descr=done) [f10, f8]\n"
    "jump(i11, i1, f10, f8, descr=top)\n";

int run_loop(bool is_int, int64_t n) {
  TraceNamespace names;
  Trace t = parse_trace(is_int ? kIntLoop : kFloatLoop, names);
  TestGc gc(names.type_table());
  x86::X86Cpu cpu(gc.hooks());
  LoopToken token("bench");
  cpu.compile_loop(t, &token);
  std::vector<Word> args = {0, static_cast<Word>(n), is_int ? Word{1} : std::bit_cast<Word>(1.0),
                            is_int ? Word{0} : std::bit_cast<Word>(0.0)};
  double t0 = cpu_seconds();
  JitFrame* f = cpu.execute(&token, args);
  double secs = cpu_seconds() - t0;
  if (is_int) std::printf("result %lld\n", static_cast<long long>(cpu.value(f, 0)));
  else std::printf("result %.17g\n", std::bit_cast<double>(cpu.value(f, 0)) + std::bit_cast<double>(cpu.value(f, 1)));
  std::printf("seconds %.6f\n", secs);
  return 0;
}

// A large loop of `n` operations: integer and float arithmetic, comparisons and guards (with
// fail arguments), field reads and writes, a call now and then.
std::string synthetic_loop(int n) {
  std::string s = "struct node { a: int, b: ref, c: float }\n[i0, i1, p2, f3]\nlabel(i0, i1, p2, f3, descr=top)\n";
  std::vector<std::string> ints = {"i0", "i1"}, floats = {"f3"};
  int v = 10;
  auto name = [&](char c) { return std::string(1, c) + std::to_string(v++); };
  for (int k = 0; k < n; ++k) {
    int what = k % 20;
    const std::string& a = ints[ints.size() - 1 - (k % 3 < ints.size() ? k % 3 : 0)];
    const std::string& b = ints[ints.size() - 1 - (k % 5 < ints.size() ? k % 5 : 0)];
    if (what < 8) {
      static const char* kOps[] = {"int_add", "int_sub", "int_mul", "int_xor", "int_and", "int_or", "int_add", "int_lshift"};
      std::string r = name('i');
      s += r + " = " + kOps[what] + "(" + a + ", " + (what == 7 ? "3" : b) + ")\n";
      ints.push_back(r);
    } else if (what < 11) {
      std::string c = name('i');
      s += c + " = int_lt(" + a + ", " + b + ")\n";
      s += "guard_true(" + c + ") [" + a + ", " + b + ", p2, " + floats.back() + "]\n";
    } else if (what < 14) {
      std::string r = name('i');
      s += r + " = getfield_gc(p2, descr=node.a)\n";
      s += "setfield_gc(p2, " + a + ", descr=node.a)\n";
      ints.push_back(r);
    } else if (what < 18) {
      std::string r = name('f');
      s += r + " = float_add(" + floats.back() + ", 0.5)\n";
      floats.push_back(r);
    } else if (what < 19) {
      std::string r = name('i');
      s += r + " = call(ConstClass(add_ints), " + a + ", " + b + ", descr=add_ints)\n";
      ints.push_back(r);
    } else {
      std::string r = name('i');
      s += r + " = int_add_ovf(" + a + ", 1)\nguard_no_overflow() [" + a + "]\n";
      ints.push_back(r);
    }
  }
  s += "jump(" + ints.back() + ", i1, p2, " + floats.back() + ", descr=top)\n";
  return s;
}

void measure_compile(const char* what, const std::vector<std::string>& texts, int rounds) {
  size_t ops = 0;
  double secs = 0;
  for (int r = 0; r < rounds; ++r) {
    TestEnv env;
    std::vector<std::unique_ptr<TraceNamespace>> namespaces;
    std::vector<std::vector<ParsedTrace>> parsed;
    for (auto& t : texts) {
      namespaces.push_back(std::make_unique<TraceNamespace>());
      register_test_helpers(*namespaces.back(), &env);
      parsed.push_back(parse_trace_file(t, *namespaces.back()));
    }
    TestGc gc(namespaces.front()->type_table());
    x86::X86Cpu cpu(gc.hooks(), size_t{1} << 32);
    env.gc = &gc;
    env.cpu = &cpu;
    double t0 = cpu_seconds();
    for (auto& file : parsed)
      for (auto& t : file) {
        if (t.is_bridge) cpu.compile_bridge(t.guard, t.trace);
        else cpu.compile_loop(t.trace, t.loop);
        ops += t.trace.ops().size();
      }
    secs += cpu_seconds() - t0;
  }
  std::printf("%-44s %9zu ops  %8.3f s  %6.2f M ops/s\n", what, ops, secs, double(ops) / secs / 1e6);
}

int run_compile() {
  for (int size : {200, 2000, 20000}) {
    std::vector<std::string> texts;
    int count = 2000000 / size / 10;
    for (int k = 0; k < count; ++k) texts.push_back(synthetic_loop(size));
    measure_compile(("synthetic loops of " + std::to_string(size) + " ops").c_str(), texts, 3);
  }
  std::vector<std::string> texts;
  std::map<std::string, uint64_t> histogram;
  for (uint64_t seed = 1; seed <= 5000; ++seed) texts.push_back(fuzz::generate_case(seed, histogram).text);
  measure_compile("fuzzer traces (5000 files, 5-50 ops each)", texts, 3);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "compile") == 0) return run_compile();
  if (argc == 3 && (std::strcmp(argv[1], "int") == 0 || std::strcmp(argv[1], "float") == 0))
    return run_loop(std::strcmp(argv[1], "int") == 0, std::atoll(argv[2]));
  std::fprintf(stderr, "usage: jit_bench compile | int N | float N\n");
  return 2;
}
