// The `rpp jit-run` command (see jit_run.h).
#include "runtime/jit/testing/jit_run.h"

#include <chrono>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/testing/trace_file_runner.h"

namespace rpp::jit {

namespace {

const char* const kHelp = R"(usage: rpp jit-run [OPTIONS] FILE.trace

Compiles the loops and bridges of a trace file (declarations, then `loop NAME:` / `bridge GUARD:`
sections in the text form of traces; see docs/jit.md), runs a loop and prints how it exited:
`exit: ...` and one line per exit value. Calls may use the test helpers (add_ints, sum8, sum8f,
mixed, many_mixed, neg_i32, low_byte, maybe_raise, gc_collect, gc_collect_int, force_frame,
make_node_ptr) with ConstClass(env) as the environment argument.

options:
  --backend=x86|interp|both  which backend runs the traces (default both: the reference
                             interpreter and x86-64; prints x86's output; exit 3 if they differ)
  --args=A,B,...             the loop's arguments: integers, floats (1.5, -0.0, inf, nan), null,
                             str:TEXT, new:STRUCT, array:NAME:LENGTH, raw:BYTES (a zeroed
                             raw buffer's address, for integer arguments)
  --loop=NAME                the loop to run (default: the first one)
  --print                    print the traces as parsed (text form) before running
  --asm                      print the x86-64 code of every loop and bridge (Capstone)
  --gc-stress                a tiny nursery and a collection at every allocation slow path
  --repeat=N                 run N times, printing the last exit
  --optimize[=PASSES]        run the optimizer on the loops first (all passes, or a comma list:
                             bounds,guards,virtuals,heap,pure,dce,peel; see `rpp jit-opt --help`)
exit status: 0, 1 for an invalid trace file, 2 for bad options, 3 when the backends disagree,
4 for an internal error of a backend.
)";

struct Options {
  std::string file;
  std::string backend = "both";
  std::vector<std::string> args;
  std::string loop;
  bool print = false, asm_dump = false, gc_stress = false;
  long repeat = 1;
  std::string optimize;
};

std::vector<std::string> split_args(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else cur += c;
  }
  if (!cur.empty() || !out.empty()) out.push_back(cur);
  return out;
}

}  // namespace

int jit_run_command(const std::vector<std::string>& args) {
  Options opt;
  for (const auto& a : args) {
    auto value = [&](const char* prefix) -> std::optional<std::string> {
      size_t n = std::strlen(prefix);
      if (a.compare(0, n, prefix) == 0) return a.substr(n);
      return std::nullopt;
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (auto v = value("--backend=")) opt.backend = *v;
    else if (auto v = value("--args=")) opt.args = split_args(*v);
    else if (auto v = value("--loop=")) opt.loop = *v;
    else if (auto v = value("--repeat=")) opt.repeat = std::stol(*v);
    else if (a == "--print") opt.print = true;
    else if (a == "--asm") opt.asm_dump = true;
    else if (a == "--gc-stress") opt.gc_stress = true;
    else if (a == "--optimize") opt.optimize = "all";
    else if (auto v = value("--optimize=")) opt.optimize = *v;
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "rpp jit-run: error: unknown option '%s'\n(see `rpp jit-run --help`)\n", a.c_str());
      return 2;
    } else if (opt.file.empty()) opt.file = a;
    else {
      std::fprintf(stderr, "rpp jit-run: error: more than one file\n");
      return 2;
    }
  }
  if (opt.file.empty()) {
    std::fputs("rpp jit-run: error: no trace file given\n(see `rpp jit-run --help`)\n", stderr);
    return 2;
  }
  if (opt.backend != "x86" && opt.backend != "interp" && opt.backend != "both") {
    std::fprintf(stderr, "rpp jit-run: error: --backend must be x86, interp or both\n");
    return 2;
  }
  std::ifstream in(opt.file);
  if (!in) {
    std::fprintf(stderr, "rpp jit-run: error: cannot read %s\n", opt.file.c_str());
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  TraceFileRun run;
  run.loop = opt.loop;
  run.arg_sets = {opt.args};
  run.gc_stress = opt.gc_stress;
  run.optimize = opt.optimize;
  run.repeat = opt.repeat;
  run.asm_dump = opt.asm_dump;
  try {
    if (opt.backend == "both") {
      run.backend = "interp";
      run.print_traces = opt.print;
      TraceFileResult reference = run_trace_file(text, run);
      run.backend = "x86";
      run.print_traces = false;
      TraceFileResult x86 = run_trace_file(text, run);
      std::fputs(reference.printed.c_str(), stdout);
      std::fputs(x86.asm_text.c_str(), stdout);
      std::fputs(x86.exits[0].c_str(), stdout);
      if (reference.exits[0] != x86.exits[0]) {
        std::fprintf(stderr, "rpp jit-run: the backends disagree\nreference interpreter:\n%sx86-64:\n%s",
                     reference.exits[0].c_str(), x86.exits[0].c_str());
        return 3;
      }
      return 0;
    }
    run.backend = opt.backend;
    run.print_traces = opt.print;
    TraceFileResult r = run_trace_file(text, run);
    std::fputs(r.printed.c_str(), stdout);
    std::fputs(r.asm_text.c_str(), stdout);
    std::fputs(r.exits[0].c_str(), stdout);
    return 0;
  } catch (const TraceParseError& e) {
    std::fprintf(stderr, "%s:%d: %s\n", opt.file.c_str(), e.line(), e.message().c_str());
    return 1;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s: error: %s\n", opt.file.c_str(), e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: internal error: %s\n", opt.file.c_str(), e.what());
    return 4;
  }
}

}  // namespace rpp::jit
