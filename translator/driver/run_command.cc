// `rpp run TARGET.py ARGS...`: run the program untranslated on the embedded CPython.
#include <cstdio>

#include "translator/diagnostics.h"
#include "translator/driver/big_stack.h"
#include "translator/driver/commands.h"
#include "translator/frontend/program.h"
#include "translator/frontend/python_host.h"

namespace rpp {

static const char* const kRunHelp = R"(usage: rpp run TARGET.py [ARGS...]

Run an RPython program untranslated on the embedded CPython 3, as the translated program would run:
rpp's python/ on sys.path, PYTHONHASHSEED=0, UTF-8 stdio, a raised recursion limit, and os.read /
os.write on fds 0-2 flushing sys.stdout first. entry_point receives [TARGET.py, ARGS...]; its result
& 0xFF is the exit code. An uncaught exception prints a traceback with `Cls: msg` last and exits 1.
)";

int run_command(const std::string& rpp_home, const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fputs("rpp run: error: no TARGET.py given\n(see `rpp run --help`)\n", stderr);
    return 2;
  }
  if (args[0] == "-h" || args[0] == "--help") {
    std::fputs(kRunHelp, stdout);
    return 0;
  }
  return run_on_big_stack([&]() -> int {
    try {
      frontend::PythonHost host(rpp_home, args);
      std::vector<std::string> target_args(args.begin() + 1, args.end());
      auto program = frontend::Program::import(args[0], {}, target_args);
      int code = program->run_untranslated(args);
      std::fflush(stdout);
      return code;
    } catch (const UserError& e) {
      std::fflush(stdout);
      std::fprintf(stderr, "%s\n", e.what());
      return e.exit_code();
    }
  });
}

}  // namespace rpp
