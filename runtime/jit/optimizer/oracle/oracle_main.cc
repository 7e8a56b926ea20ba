// By-hand runs of the optimizer's oracle: `opt_oracle --seed=S --count=N [--x86] [--print]`.
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/jit/optimizer/oracle/oracle.h"

int main(int argc, char** argv) {
  uint64_t seed = 1, count = 100;
  rpp::jit::oracle::OracleOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--seed=", 0) == 0)
      seed = std::stoull(a.substr(7));
    else if (a.rfind("--count=", 0) == 0)
      count = std::stoull(a.substr(8));
    else if (a == "--x86")
      options.x86 = true;
    else if (a == "--print")
      options.print = true;
    else {
      std::fprintf(stderr, "usage: opt_oracle [--seed=S] [--count=N] [--x86] [--print]\n");
      return 2;
    }
  }
  auto r = rpp::jit::oracle::run_oracle(seed, count, options);
  std::printf("seeds %llu..%llu: %s\n", static_cast<unsigned long long>(seed),
              static_cast<unsigned long long>(seed + count - 1), r.summary().c_str());
  if (r.failures) std::printf("first failure: %s\n", r.first_failure.c_str());
  return r.failures ? 1 : 0;
}
