// The annotator's errors. Rules (unions, operations, the bookkeeper) throw AnnotatorFailure with
// what went wrong in terms of annotations; the annotator catches it at the operation being
// annotated and turns it into a UserError naming the file, the line, the source line, the
// annotations involved and the chain of calls from the entry point (see error_report.h).
#pragma once
#include <stdexcept>
#include <string>

#include "annotator/item_cell.h"
#include "annotator/some_value.h"

namespace rpp::annotator {

class AnnotatorFailure : public std::runtime_error {
 public:
  explicit AnnotatorFailure(std::string message) : std::runtime_error(std::move(message)) {}
  // Extra lines shown after the source line (the annotations involved, hints).
  std::vector<std::string> notes;
  // A second place in the source involved in the error (e.g. where the other type came from).
  flow::SourceLocation other_location;
  std::string other_location_label;
};

// Two annotations with no common type (RPython's UnionError; never a silent "object").
class UnionError : public AnnotatorFailure {
 public:
  UnionError(SomeRef a, SomeRef b, std::string reason = "");
  SomeRef first, second;
  std::string reason;
};

}  // namespace rpp::annotator
