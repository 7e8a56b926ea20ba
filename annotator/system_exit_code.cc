// SystemExitCode: the type of SystemExit's `code`, tolerant of codes without a common type.
#include "annotator/system_exit_code.h"

#include "annotator/errors.h"
#include "annotator/union.h"

namespace rpp::annotator {

void SystemExitCode::add(const SomeRef& code) {
  if (mixed()) return;
  SomeRef s = without_constant(code);
  if (can_union(value(), s)) {
    generalize(s);
    return;
  }
  const Origin* other = conflicting_origin(s);
  conflict_ = s->repr() + " and " + (other ? other->value->repr() : value()->repr());
  if (other) conflict_at_ = other->where;
  notify_readers();
}

SomeRef SystemExitCode::read_code(const Position& position) {
  SomeRef s = read(position);
  if (mixed()) {
    AnnotatorFailure f("e.code of a SystemExit has no single type in this program: its exits pass " + conflict_);
    f.notes.push_back("CPython's code is whatever sys.exit() got; rpp needs all codes to be ints, or all strs/None");
    f.notes.push_back("str(e) works in every case");
    if (conflict_at_.known()) {
      f.other_location = conflict_at_;
      f.other_location_label = "one of those exits";
    }
    throw f;
  }
  return s;
}

}  // namespace rpp::annotator
