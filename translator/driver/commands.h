// The subcommands of `rpp`, each taking the arguments after its name; each returns an exit code.
#pragma once
#include <string>
#include <vector>

namespace rpp {

int translate_command(const std::string& rpp_home, const std::vector<std::string>& args);
int run_command(const std::string& rpp_home, const std::vector<std::string>& args);
int test_command(const std::string& rpp_home, const std::vector<std::string>& args);

}  // namespace rpp
