// ItemCell: one mutable, shared annotation slot — a list's items, a dict's keys or values, an
// attribute of a class. It only ever generalizes (union); when it does, every position that read
// it is re-flowed. It remembers where each type it took came from, so that a union error can
// name both sources.
#pragma once
#include <string>
#include <vector>

#include "annotator/position.h"
#include "annotator/some_value.h"

namespace rpp::annotator {

// Where a type entered a cell: the annotation that was added and the operation that added it.
struct Origin {
  SomeRef value;
  flow::SourceLocation where;
};

class ItemCell {
 public:
  explicit ItemCell(FlowObserver* observer, SomeRef initial);
  virtual ~ItemCell() = default;

  const SomeRef& value() const { return value_; }
  // The value, recording `position` as a reader (re-flowed on generalization).
  const SomeRef& read(const Position& position);
  // Unions `s` into the value; re-flows the readers when it changed. Throws UnionError (with
  // the conflicting origin attached) when there is no common type. Returns whether it changed.
  bool generalize(const SomeRef& s);
  // Readers and origins of `other` join this cell (after a merge of definitions).
  void absorb(ItemCell& other);
  // Re-flows every reader.
  void notify_readers();

  const PositionSet& readers() const { return readers_; }
  const std::vector<Origin>& origins() const { return origins_; }
  // The first origin whose type conflicts with `s` (for error messages), or nullptr.
  const Origin* conflicting_origin(const SomeRef& s) const;

  // Set once annotation is complete: any later change is an internal error.
  bool frozen = false;
  FlowObserver* observer() const { return observer_; }

 protected:
  FlowObserver* observer_;
  void set_value(SomeRef v);  // no readers notified
  // Unions `s` in; on a union error attaches the conflicting origin. Returns the new value.
  SomeRef unite_with(const SomeRef& s);

 private:
  SomeRef value_;
  PositionSet readers_;
  std::vector<Origin> origins_;
};

}  // namespace rpp::annotator
