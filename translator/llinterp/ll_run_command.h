// `rpp ll-run`: runs a graph of an LL text module in the ll interpreter and prints what it
// returned (the file tests of tests/llinterp use it).
#pragma once
#include <string>
#include <vector>

namespace rpp::llinterp {

int ll_run_command(const std::vector<std::string>& args);

}  // namespace rpp::llinterp
