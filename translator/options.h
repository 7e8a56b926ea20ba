// The options of `rpp translate`, parsed from the command line; every stage reads them from the
// TranslationContext. The stage names are the pipeline's, in order (DESIGN §1).
#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rpp {

// The translation stages, in pipeline order.
inline constexpr std::array<std::string_view, 8> kStageNames = {
    "flow", "annotate", "rtype", "jit", "backendopt", "exceptions", "gc", "emit"};

// Index of a stage name in kStageNames, or nullopt.
std::optional<int> stage_index(std::string_view name);

struct TranslateOptions {
  std::string target;                 // TARGET.py
  std::vector<std::string> target_args;  // after `--`: passed to target(driver, args) / the ll interpreter
  bool jit = false;
  std::string gc = "gen";             // gen | boehm
  std::string sanitize;               // --sanitize=address: "address"; empty: none
  int opt = 2;                        // 0 | 1 | 2
  bool check_asserts = true;          // --asserts=check|remove
  std::string output;                 // -o OUT; default ./<target>-c
  std::set<std::string> dumps;        // --dump=STAGE,...
  std::string dump_dir;               // --dump-dir DIR; empty = standard output
  std::string dump_format = "text";   // --format=text|dot|svg
  std::string stop_after;             // --stop-after=STAGE; empty = run everything
  bool interp = false;                // --interp: run the rtyped graphs in the ll interpreter
  bool interp_check_overflow = false; // --interp-check-overflow

  // The stage after which the pipeline stops (index into kStageNames).
  int last_stage() const;
  // ./<target stem>-c, as RPython names its executables.
  std::string default_output() const;
};

// Parses `rpp translate` arguments (without the word `translate`). Throws UserError (exit 2)
// naming the bad option; returns nullopt when --help was printed.
std::optional<TranslateOptions> parse_translate_options(const std::vector<std::string>& args);

extern const char* const kTranslateHelp;

}  // namespace rpp
