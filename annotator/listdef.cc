// ListItem merging and the usage flags of lists.
#include "annotator/listdef.h"

#include "annotator/errors.h"
#include "annotator/union.h"

namespace rpp::annotator {

void ListItem::mutate() {
  if (mutated) return;
  if (frozen) throw AnnotatorFailure("internal error: a list became mutated after annotation");
  mutated = true;
  immutable = false;
}

void ListItem::resize() {
  if (resized) return;
  if (frozen) throw AnnotatorFailure("internal error: a list became resized after annotation");
  if (must_not_resize)
    throw AnnotatorFailure(
        "this list must not be resized (make_sure_not_resized(), or an `x[*]` entry of "
        "_immutable_fields_), but it is resized here");
  resized = true;
}

void ListItem::merge(ListItem& other) {
  if (this == &other) return;
  immutable = immutable && other.immutable;
  if (other.must_not_resize) {
    if (resized)
      throw AnnotatorFailure(
          "a list that must not be resized flows together with a list that is resized");
    must_not_resize = true;
  }
  if (other.mutated) mutate();
  if (other.resized) resize();
  if (other.range_step != range_step) {
    if (range_step && other.range_step)
      range_step = 0;  // ranges with different steps: a variable step
    else
      range_step.reset();
  }
  for (ListDef* d : other.users) {
    d->item_ = this;
    users.push_back(d);
  }
  other.users.clear();
  SomeRef before = value();
  SomeRef other_before = other.value();
  SomeRef merged = unite_with(other_before);
  absorb(other);
  bool changed = !same_annotation(merged, before) || !same_annotation(merged, other_before);
  if (!same_annotation(merged, before)) set_value(merged);
  if (changed) notify_readers();
}

void ListDef::never_resize() {
  if (item_->resized)
    throw AnnotatorFailure(
        "this list must not be resized (make_sure_not_resized(), or an `x[*]` entry of "
        "_immutable_fields_), but it is resized elsewhere");
  item_->must_not_resize = true;
}

void ListDef::mark_immutable() {
  never_resize();
  if (!item_->mutated) item_->immutable = true;
}

void ListDef::agree(ListDef& other, const Position& position) {
  SomeRef mine = read_item(position);
  SomeRef theirs = other.read_item(position);
  generalize(theirs);
  other.generalize(mine);
}

std::string ListDef::repr() const {
  std::string flags;
  if (item_->range_step && !item_->mutated)
    flags = "range";
  else if (item_->resized)
    flags = "resized";
  else if (item_->mutated)
    flags = "fixed, mutated";
  else
    flags = "fixed";
  if (item_->must_not_resize) flags += ", must not resize";
  if (item_->immutable) flags += ", immutable";
  return "list[" + item_->value()->repr() + "; " + flags + "]";
}

}  // namespace rpp::annotator
