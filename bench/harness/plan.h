// What `rpp bench` measures: the examples it translates, the benchmarks (a program run on an
// input, or the translation of an example) and the configurations (untranslated, translated at
// --opt=2 and --opt=0, with the JIT), found from the repository and ../shared.
#pragma once
#include <string>
#include <vector>

namespace rpp::bench {

// A translatable program of the repository.
struct Example {
  std::string name;    // "bf", "lox", "pair_loop"
  std::string target;  // relative to the repository root
};

struct Benchmark {
  std::string name;     // "bf/mandel", "lox/fib", "translate/bf", "pair_loop"
  std::string example;  // the Example it runs (or translates)
  std::vector<std::string> args;  // the program's arguments (absolute paths)
  bool translation = false;       // measures `rpp translate` itself
  bool deterministic_output = true;  // the same standard output in every configuration
};

enum class ConfigurationKind { Untranslated, Translated, Jit };

struct Configuration {
  std::string name;  // "untranslated", "opt2", "opt0", "jit"
  std::string label;  // for the report: "translated, no JIT, --opt=2"
  ConfigurationKind kind = ConfigurationKind::Translated;
  std::vector<std::string> translate_flags;
  std::string absent;  // non-empty: not measured, and why
};

struct Plan {
  std::vector<Example> examples;
  std::vector<Benchmark> benchmarks;
  std::vector<Configuration> configurations;
  std::vector<std::string> notes;  // what was left out and why (a missing ../shared folder)
};

// Every benchmark; `quick`: one small program per example instead (bench/quick/), the
// translation of examples/bf and pair_loop with few iterations.
Plan make_plan(const std::string& rpp_home, const std::string& shared_dir, bool quick);

// The examples, by name (nullptr when unknown).
const Example* find_example(const Plan& plan, const std::string& name);

}  // namespace rpp::bench
