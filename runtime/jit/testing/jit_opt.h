// `rpp jit-opt`: parses a trace file, runs the optimizer (runtime/jit/optimizer) on every loop
// and bridge and prints the optimized traces, optionally with each guard's resume data and
// before/after counts — the command behind the optimizer's file tests (tests/jit/opt_*.trace).
#pragma once
#include <string>
#include <vector>

namespace rpp::jit {

int jit_opt_command(const std::vector<std::string>& args);

}  // namespace rpp::jit
