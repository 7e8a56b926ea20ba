// DictDef: how general the keys and values of a dict have to be (RPython's dictdef.py). Keys and
// values are shared cells merged when dicts flow together. An r_dict carries its eq and hash
// functions; whenever its key type generalizes, the observer (the annotator) is told, and
// annotates the calls to them again with the new key type.
#pragma once
#include <vector>

#include "annotator/item_cell.h"

namespace rpp::annotator {

class DictDef;

class DictKey : public ItemCell {
 public:
  DictKey(FlowObserver* observer, SomeRef initial, bool custom_eq_hash)
      : ItemCell(observer, std::move(initial)), custom_eq_hash(custom_eq_hash) {}
  bool custom_eq_hash;         // an r_dict
  SomeRef eq_function;         // r_dict: the annotation of its eq function (a PBC)
  SomeRef hash_function;       // r_dict: its hash function
  std::vector<DictDef*> users;
  void merge(DictKey& other);
};

class DictValue : public ItemCell {
 public:
  using ItemCell::ItemCell;
  std::vector<DictDef*> users;
  void merge(DictValue& other);
};

class DictDef {
 public:
  DictKey* key() const { return key_; }
  DictValue* value() const { return value_; }
  bool same_as(const DictDef& other) const {
    return key_ == other.key_ && value_ == other.value_;
  }
  bool is_r_dict() const { return key_->custom_eq_hash; }

  const SomeRef& read_key(const Position& p) { return key_->read(p); }
  const SomeRef& read_value(const Position& p) { return value_->read(p); }
  bool generalize_key(const SomeRef& s);
  bool generalize_value(const SomeRef& s) { return value_->generalize(s); }
  void merge(DictDef& other);
  // "dict[str, int]" or "r_dict[Key, int]" (without nullability).
  std::string repr() const;

 private:
  friend class ContainerStore;
  friend class DictKey;
  friend class DictValue;
  DictKey* key_ = nullptr;
  DictValue* value_ = nullptr;
};

}  // namespace rpp::annotator
