// Creating and freezing list and dict definitions.
#include "annotator/container_store.h"

namespace rpp::annotator {

ListDef* ContainerStore::new_list(SomeRef item, bool mutated, bool resized) {
  ListItem& cell = list_items_.emplace_back(observer_, std::move(item));
  cell.mutated = mutated || resized;
  cell.resized = resized;
  ListDef& def = lists_.emplace_back();
  def.item_ = &cell;
  cell.users.push_back(&def);
  return &def;
}

DictDef* ContainerStore::new_dict(SomeRef key, SomeRef value, bool r_dict) {
  DictKey& k = dict_keys_.emplace_back(observer_, std::move(key), r_dict);
  DictValue& v = dict_values_.emplace_back(observer_, std::move(value));
  DictDef& def = dicts_.emplace_back();
  def.key_ = &k;
  def.value_ = &v;
  k.users.push_back(&def);
  v.users.push_back(&def);
  return &def;
}

void ContainerStore::freeze() {
  for (auto& i : list_items_) i.frozen = true;
  for (auto& k : dict_keys_) k.frozen = true;
  for (auto& v : dict_values_) v.frozen = true;
}

}  // namespace rpp::annotator
