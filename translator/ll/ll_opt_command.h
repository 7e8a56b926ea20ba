// `rpp ll-opt [--pass=NAME]... [--analyze=NAME,...] [--locations] FILE.ll`: parses an LL file,
// runs the requested passes in order, then prints the module (or, with --analyze, the analyzers'
// report). The file tests of every low-level stage are written with it: LL in -> LL out.
#pragma once
#include <string>
#include <vector>

namespace rpp::ll {

int ll_opt_command(const std::vector<std::string>& args);

class LLModule;
// Runs the named ll-opt passes in order over a module (`rpp ll-run --passes=` uses it too).
// Throws UserError (exit 2) naming an unknown pass, or (exit 1) with a pass's error.
void run_ll_passes(LLModule& module, const std::vector<std::string>& names, const std::string& path);

}  // namespace rpp::ll
