// `rpp ll-opt [--pass=NAME]... [--analyze=NAME,...] [--locations] FILE.ll`: parses an LL file,
// runs the requested passes in order, then prints the module (or, with --analyze, the analyzers'
// report). The file tests of every low-level stage are written with it: LL in -> LL out.
#pragma once
#include <string>
#include <vector>

namespace rpp::ll {

int ll_opt_command(const std::vector<std::string>& args);

}  // namespace rpp::ll
