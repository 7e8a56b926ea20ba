// ContainerStore: owns every ListDef and DictDef of a translation (and the item cells they
// share), so that annotations can point at them for the whole life of the TranslationContext.
#pragma once
#include <deque>

#include "annotator/dictdef.h"
#include "annotator/listdef.h"

namespace rpp::annotator {

class ContainerStore {
 public:
  explicit ContainerStore(FlowObserver* observer) : observer_(observer) {}
  ContainerStore(const ContainerStore&) = delete;
  ContainerStore& operator=(const ContainerStore&) = delete;

  ListDef* new_list(SomeRef item, bool mutated = false, bool resized = false);
  DictDef* new_dict(SomeRef key, SomeRef value, bool r_dict = false);
  // After annotation: any further change to a definition is an internal error.
  void freeze();

  size_t list_count() const { return lists_.size(); }
  size_t dict_count() const { return dicts_.size(); }

 private:
  FlowObserver* observer_;
  std::deque<ListItem> list_items_;
  std::deque<ListDef> lists_;
  std::deque<DictKey> dict_keys_;
  std::deque<DictValue> dict_values_;
  std::deque<DictDef> dicts_;
};

}  // namespace rpp::annotator
