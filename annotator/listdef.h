// ListDef: how general the items of a list have to be, and how the list is used (mutated,
// resized, a range, must never be resized). Every list creation makes a ListDef; when two lists
// flow together their ListItems merge into one, shared by every ListDef involved — RPython's
// listdef.py. The rtyper reads `item()` of each SomeList's listdef: a list that is never resized
// is a fixed array; a range list that is never mutated may stay a lazy range.
#pragma once
#include <optional>
#include <vector>

#include "annotator/item_cell.h"

namespace rpp::annotator {

class ListDef;

class ListItem : public ItemCell {
 public:
  ListItem(FlowObserver* observer, SomeRef initial) : ItemCell(observer, std::move(initial)) {}

  bool mutated = false;          // written after creation (setitem, sort, reverse...)
  bool resized = false;          // length changed after creation (append, pop, del...)
  bool must_not_resize = false;  // make_sure_not_resized() or `_immutable_fields_ = ['x[*]']`
  bool immutable = false;        // read through an `x[*]` field: a hint only
  // Only made by range(): the step (0 when the steps of merged ranges differ); nullopt for a
  // list that is not (only) a range.
  std::optional<int64_t> range_step;
  std::vector<ListDef*> users;  // the ListDefs sharing this item

  void mutate();
  void resize();  // throws AnnotatorFailure when must_not_resize
  void merge(ListItem& other);
  bool is_fixed() const { return !resized; }
};

class ListDef {
 public:
  ListItem* item() const { return item_; }
  bool same_as(const ListDef& other) const { return item_ == other.item_; }

  const SomeRef& read_item(const Position& position) { return item_->read(position); }
  bool generalize(const SomeRef& s) { return item_->generalize(s); }
  void mutate() { item_->mutate(); }
  void resize() {
    item_->mutate();
    item_->resize();
  }
  void never_resize();     // throws AnnotatorFailure when already resized
  void mark_immutable();   // an `x[*]` field read: never resized, immutable unless mutated
  void merge(ListDef& other) { item_->merge(*other.item_); }
  // Both lists agree on their item type (for `==` between lists, `lst[a:b] = other`).
  void agree(ListDef& other, const Position& position);
  // "list[int; resized]" (without nullability).
  std::string repr() const;

 private:
  friend class ContainerStore;
  friend class ListItem;
  ListItem* item_ = nullptr;
};

}  // namespace rpp::annotator
