// `rpp`: the toolchain's command line. The launcher script ./rpp builds this binary and runs it
// with RPP_HOME set to the repository root.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/harness/bench_command.h"
#include "runtime/jit/testing/jit_opt.h"
#include "runtime/jit/testing/jit_run.h"
#include "translator/driver/big_stack.h"
#include "translator/driver/commands.h"
#include "translator/ll/ll_opt_command.h"
#include "translator/llinterp/gc_setup.h"
#include "translator/llinterp/ll_run_command.h"

namespace {

const char* const kHelp = R"(usage: rpp COMMAND [ARGS...]

rpp translates interpreters written in RPython (a restricted, statically typed subset of Python 3)
into native executables, optionally with a meta-tracing JIT.

commands:
  translate [OPTIONS] TARGET.py   translate a program (see `rpp translate --help`)
  run TARGET.py [ARGS...]         run a program untranslated on the embedded CPython
  ll-opt [OPTIONS] FILE.ll        parse low-level graphs (LL text), run passes or analyzers,
                                  print the result (see `rpp ll-opt --help`)
  ll-run [OPTIONS] FILE.ll [-- ARGS]
                                  run a graph of an LL file in the ll interpreter
                                  (see `rpp ll-run --help`)
  test [FILTER]                   run the test suites (those whose name or path contains FILTER)
  bench [OPTIONS] [NAME...]       run the benchmarks, write bench/results/DATE.md
                                  (see `rpp bench --help`)
  jit-run [OPTIONS] FILE.trace    compile and run JIT traces on a backend (see `rpp jit-run --help`)
  jit-opt [OPTIONS] FILE.trace    optimize JIT traces and print them (see `rpp jit-opt --help`)
  help                            show this help

Examples:
  ./rpp run examples/bf/targetbf.py ../shared/bench/bf/hanoi.b
  ./rpp translate --dump=flow --stop-after=flow examples/bf/targetbf.py
  ./rpp ll-opt --analyze=all tests/ll/analyzers_recursion.ll
  ./rpp test
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::fputs(kHelp, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const char* home = std::getenv("RPP_HOME");
  if (!home || !*home) {
    std::fputs("rpp: error: RPP_HOME is not set; run rpp through the ./rpp launcher\n", stderr);
    return 2;
  }
  std::string command = args[0];
  // From the main thread: the ll interpreter runs on the runtime's GC. `translate` installs it
  // itself, only when it runs the program (--interp): a translation does not need it.
  if (command != "translate") rpp::llinterp::install_gc();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "translate") return rpp::translate_command(home, rest);
  if (command == "run") return rpp::run_command(home, rest);
  if (command == "test") return rpp::test_command(home, rest);
  if (command == "bench") return rpp::bench::bench_command(home, rest);
  if (command == "jit-run") return rpp::jit::jit_run_command(rest);
  if (command == "jit-opt") return rpp::jit::jit_opt_command(rest);
  if (command == "ll-opt") return rpp::ll::ll_opt_command(rest);
  if (command == "ll-run") return rpp::run_on_big_stack([&] { return rpp::llinterp::ll_run_command(rest); });
  std::fprintf(stderr, "rpp: error: unknown command '%s'\n(see `rpp --help`)\n", command.c_str());
  return 2;
}
