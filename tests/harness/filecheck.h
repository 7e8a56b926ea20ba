// FileCheck-style matching of checks on a text (as LLVM lit / Cranelift filetests do). Directives:
//   check:  PATTERN   matches on some line after the previous match
//   nextln: PATTERN   matches on the line right after the previous match's line
//   sameln: PATTERN   matches later on the same line as the previous match
//   not:    PATTERN   must not match between the previous and the next positive match (or the end)
// A PATTERN is literal text in which `{{REGEX}}` parts are ECMAScript regular expressions.
// Leading and trailing spaces of a pattern are ignored.
#pragma once
#include <string>
#include <vector>

namespace rpp::harness {

enum class CheckKind { Check, NextLine, SameLine, Not };

struct CheckDirective {
  CheckKind kind;
  std::string pattern;
  int source_line = 0;  // where the directive is written in the test file
};

// Recognizes `check:`, `nextln:`, `sameln:`, `not:` (after `prefix`, e.g. "" or "stderr-") at the
// start of `text`; returns false when `text` is not such a directive.
bool parse_check_directive(const std::string& text, const std::string& prefix, int source_line,
                           CheckDirective& out);

// Returns an empty string when every directive holds on `input`, otherwise a report of the first
// failure (the directive, its line in the test file, and the part of the input it looked at).
std::string run_filecheck(const std::vector<CheckDirective>& checks, const std::string& input);

}  // namespace rpp::harness
