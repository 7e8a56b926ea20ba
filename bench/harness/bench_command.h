// `rpp bench [OPTIONS] [NAME...]`: translates what the benchmarks need, runs each benchmark
// several times per configuration and writes the Markdown report (bench/README.md).
#pragma once
#include <string>
#include <vector>

namespace rpp::bench {

int bench_command(const std::string& rpp_home, const std::vector<std::string>& args);

}  // namespace rpp::bench
