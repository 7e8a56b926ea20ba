// What `e.code` of a caught SystemExit can be: the union of the codes every `sys.exit(x)`,
// `sys.exit()` and `SystemExit(x)` of the program passes (an int, a str, None). CPython's
// `code` is whatever was passed; rpp gives it one type: an int, a str that may be None, or
// None. A program may mix an int code with a str or None code (its exits still work, str(e)
// too); only reading `e.code` in such a program is an error, located at the read.
#pragma once
#include <string>

#include "annotator/item_cell.h"

namespace rpp::annotator {

class SystemExitCode : public ItemCell {
 public:
  explicit SystemExitCode(FlowObserver* observer) : ItemCell(observer, s_impossible()) {}
  // Adds the code of one exit (s_none() for no code). Never fails: codes without a common type
  // make the cell mixed (its readers are re-flowed, to report the error).
  void add(const SomeRef& code);
  // `e.code`: the type, recording `position` as a reader. Throws AnnotatorFailure when mixed.
  SomeRef read_code(const Position& position);
  bool mixed() const { return !conflict_.empty(); }

 private:
  std::string conflict_;  // "an int (...) and None (...)" once mixed
  flow::SourceLocation conflict_at_;
};

}  // namespace rpp::annotator
