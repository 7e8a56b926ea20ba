// ItemCell: generalization, readers and origins.
#include "annotator/item_cell.h"

#include "annotator/errors.h"
#include "annotator/union.h"

namespace rpp::annotator {

ItemCell::ItemCell(FlowObserver* observer, SomeRef initial)
    : observer_(observer), value_(std::move(initial)) {}

const SomeRef& ItemCell::read(const Position& position) {
  if (position.valid()) readers_.add(position);
  return value_;
}

SomeRef ItemCell::unite_with(const SomeRef& s) {
  try {
    return union_of(value_, s);
  } catch (UnionError& e) {
    if (const Origin* o = conflicting_origin(s)) {
      e.other_location = o->where;
      e.other_location_label = "the other type, " + o->value->repr() + ", comes from here";
    }
    throw;
  }
}

bool ItemCell::generalize(const SomeRef& s) {
  SomeRef merged = unite_with(s);
  if (same_annotation(merged, value_)) return false;
  set_value(std::move(merged));
  origins_.push_back(Origin{s, observer_ ? observer_->current_location() : flow::SourceLocation{}});
  notify_readers();
  return true;
}

void ItemCell::set_value(SomeRef v) {
  if (frozen)
    throw AnnotatorFailure("internal error: an annotation changed after annotation ended (" +
                           value_->repr() + " -> " + v->repr() + ")");
  value_ = std::move(v);
}

void ItemCell::absorb(ItemCell& other) {
  readers_.add_all(other.readers_);
  for (const auto& o : other.origins_) origins_.push_back(o);
}

void ItemCell::notify_readers() {
  if (!observer_) return;
  for (const auto& p : readers_.items()) observer_->reflow_from(p);
}

const Origin* ItemCell::conflicting_origin(const SomeRef& s) const {
  for (const auto& o : origins_)
    if (!can_union(o.value, s)) return &o;
  return nullptr;
}

}  // namespace rpp::annotator
