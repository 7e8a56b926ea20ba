// DictKey / DictValue merging and r_dict notification.
#include "annotator/dictdef.h"

#include "annotator/errors.h"
#include "annotator/union.h"

namespace rpp::annotator {

void DictKey::merge(DictKey& other) {
  if (this == &other) return;
  if (custom_eq_hash != other.custom_eq_hash)
    throw AnnotatorFailure("an r_dict cannot be mixed with a plain dict");
  for (DictDef* d : other.users) {
    d->key_ = this;
    users.push_back(d);
  }
  other.users.clear();
  SomeRef before = value();
  SomeRef other_before = other.value();
  SomeRef merged = unite_with(other_before);
  absorb(other);
  if (custom_eq_hash) {
    if (other.eq_function) eq_function = eq_function ? union_of(eq_function, other.eq_function)
                                                     : other.eq_function;
    if (other.hash_function)
      hash_function = hash_function ? union_of(hash_function, other.hash_function)
                                    : other.hash_function;
  }
  bool changed = !same_annotation(merged, before) || !same_annotation(merged, other_before);
  if (!same_annotation(merged, before)) set_value(merged);
  if (changed) {
    notify_readers();
    if (custom_eq_hash && observer_) observer_->rdict_key_changed(*this);
  }
}

void DictValue::merge(DictValue& other) {
  if (this == &other) return;
  for (DictDef* d : other.users) {
    d->value_ = this;
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

bool DictDef::generalize_key(const SomeRef& s) {
  bool changed = key_->generalize(s);
  if (changed && key_->custom_eq_hash && key_->observer()) key_->observer()->rdict_key_changed(*key_);
  return changed;
}

void DictDef::merge(DictDef& other) {
  key_->merge(*other.key_);
  value_->merge(*other.value_);
}

std::string DictDef::repr() const {
  return std::string(is_r_dict() ? "r_dict[" : "dict[") + key_->value()->repr() + ", " +
         value_->value()->repr() + "]";
}

}  // namespace rpp::annotator
