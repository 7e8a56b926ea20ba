// The `rpp jit-opt` command (see jit_opt.h).
#include "runtime/jit/testing/jit_opt.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/ir/trace_printer.h"
#include "runtime/jit/ir/trace_verifier.h"
#include "runtime/jit/optimizer/optimizer.h"
#include "runtime/jit/testing/test_helpers.h"

namespace rpp::jit {

namespace {

const char* const kHelp = R"(usage: rpp jit-opt [OPTIONS] FILE.trace

Optimizes every loop and bridge of a trace file (the text form of traces; see docs/jit.md) and
prints the optimized traces. A guard resumes from one frame (jitcode 0, pc = the guard's
operation index) holding its fail arguments. A bridge (or a later loop) jumping to a loop that
was peeled goes to its peeled label with the loop's short preamble inlined (guards added there
resume from one frame holding the jump's arguments).

options:
  --passes=LIST   the passes to run: all (default), none, or a comma list of
                  bounds, guards, virtuals, heap, vable (virtualizables), pure, dce, peel
  --resume        after each guard, its resume data (`;` lines: frames, outermost first, with
                  #K the K-th fail argument and vK the K-th virtual; then the virtuals)
  --loop-entry    for a peeled loop, the state a jump to its loop label must establish: its
                  virtual state over the label's arguments (#K) and the facts assumed about them
  --stats         a last line: operations, allocations and guards before -> after
exit status: 0, 1 for an invalid trace file, 2 for bad options.
)";

std::string interleave_resume(const std::string& printed, const opt::OptimizedTrace& o, const TraceNamespace& names) {
  std::string out;
  std::istringstream lines(printed);
  std::string line;
  long index = -1;  // the first line is the input arguments
  while (std::getline(lines, line)) {
    out += line + "\n";
    if (index >= 0 && static_cast<size_t>(index) < o.resume_index.size() && o.resume_index[index] >= 0) {
      std::istringstream r(opt::print_resume(*o.resume, static_cast<uint32_t>(o.resume_index[index]), &names));
      std::string rl;
      while (std::getline(r, rl)) out += ";" + rl + "\n";
    }
    ++index;
  }
  return out;
}

}  // namespace

int jit_opt_command(const std::vector<std::string>& args) {
  std::string file, passes = "all";
  bool resume = false, stats = false, loop_entry = false;
  for (const auto& a : args) {
    if (a == "-h" || a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (a.rfind("--passes=", 0) == 0)
      passes = a.substr(9);
    else if (a == "--resume")
      resume = true;
    else if (a == "--stats")
      stats = true;
    else if (a == "--loop-entry")
      loop_entry = true;
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "rpp jit-opt: error: unknown option '%s'\n(see `rpp jit-opt --help`)\n", a.c_str());
      return 2;
    } else if (file.empty())
      file = a;
    else {
      std::fprintf(stderr, "rpp jit-opt: error: more than one file\n");
      return 2;
    }
  }
  opt::OptimizerConfig config;
  if (std::string err = config.parse(passes); !err.empty()) {
    std::fprintf(stderr, "rpp jit-opt: error: --passes: %s\n", err.c_str());
    return 2;
  }
  if (file.empty()) {
    std::fputs("rpp jit-opt: error: no trace file given\n(see `rpp jit-opt --help`)\n", stderr);
    return 2;
  }
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "rpp jit-opt: error: cannot read %s\n", file.c_str());
    return 2;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  TraceNamespace names;
  TestEnv env;
  register_test_helpers(names, &env);
  try {
    auto traces = parse_trace_file(buf.str(), names);
    opt::OptimizeStats total;
    opt::LoopEntries entries;  // peeled loops: later jumps to them inline their short preamble
    std::string out;
    for (auto& t : traces) {
      if (std::string err = verify_trace(t.trace); !err.empty()) {
        std::fprintf(stderr, "%s: error: %s %s: %s\n", file.c_str(), t.is_bridge ? "bridge" : "loop",
                     t.name.empty() ? "loop" : t.name.c_str(), err.c_str());
        return 1;
      }
      opt::OptimizedTrace o = opt::optimize_trace(t.trace, names, config, {}, &entries);
      if (o.entry) entries[o.entry->preamble] = o.entry;
      if (std::string err = verify_trace(o.trace); !err.empty()) {
        std::fprintf(stderr, "%s: internal error: the optimized trace is invalid: %s\n%s", file.c_str(), err.c_str(),
                     print_trace(o.trace, &names).c_str());
        return 4;
      }
      out += std::string(t.is_bridge ? "bridge " : "loop ") + (t.name.empty() ? "loop" : t.name) + ":\n";
      std::string printed = print_trace(o.trace, &names);
      out += resume ? interleave_resume(printed, o, names) : printed;
      if (o.entry && loop_entry)
        out += "loop entry (" + std::string(t.name.empty() ? "loop" : t.name) + "):\n" +
               opt::print_loop_entry(*o.entry, names);
      total.ops_in += o.stats.ops_in;
      total.ops_out += o.stats.ops_out;
      total.allocs_in += o.stats.allocs_in;
      total.allocs_out += o.stats.allocs_out;
      total.guards_in += o.stats.guards_in;
      total.guards_out += o.stats.guards_out;
    }
    if (stats)
      out += "stats: operations " + std::to_string(total.ops_in) + " -> " + std::to_string(total.ops_out) +
             ", allocations " + std::to_string(total.allocs_in) + " -> " + std::to_string(total.allocs_out) +
             ", guards " + std::to_string(total.guards_in) + " -> " + std::to_string(total.guards_out) + "\n";
    std::fputs(out.c_str(), stdout);
    return 0;
  } catch (const TraceParseError& e) {
    std::fprintf(stderr, "%s:%d: %s\n", file.c_str(), e.line(), e.message().c_str());
    return 1;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "%s: error: %s\n", file.c_str(), e.what());
    return 1;
  }
}

}  // namespace rpp::jit
