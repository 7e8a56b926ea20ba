// Errors people can act on: `FILE:LINE:COL: error: MESSAGE`, the source line with a caret, the
// annotations involved and hints (notes), a second place when two sources conflict, and the
// chain of calls from the entry point to the function (entry_point (file:line) → … → f).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "translator/diagnostics.h"
#include "translator/flow/model.h"

namespace rpp::annotator {

// Reads line `line` (1-based) of `file`, without its newline; "" when unknown.
using SourceLineReader = std::function<std::string(const std::string& file, int line)>;
SourceLineReader disk_source_reader();

struct ErrorReport {
  flow::SourceLocation where;
  std::string message;
  std::vector<std::string> notes;          // printed after the source line, one per line
  flow::SourceLocation other_where;        // optional second place
  std::string other_label;                 // what the second place is
  // entry point first: (function name, location of its call to the next one)
  std::vector<std::pair<std::string, flow::SourceLocation>> chain;
  std::string function;                    // the function the error is in
};

std::string format_error(const ErrorReport& report, const SourceLineReader& read_line);

// A located annotation error (exit code 2).
class AnnotationError : public UserError {
 public:
  using UserError::UserError;
};

}  // namespace rpp::annotator
