// `rpp jit-run`: compiles the traces of a trace file (ir/trace_parser.h) on a JIT backend, runs a
// loop with given arguments and prints how it exited (describe.h) — the command behind the file
// tests in tests/jit/. With --backend=both (the default) it runs the reference interpreter and the
// x86-64 backend and fails when they disagree.
#pragma once
#include <string>
#include <vector>

namespace rpp::jit {

int jit_run_command(const std::vector<std::string>& args);

}  // namespace rpp::jit
