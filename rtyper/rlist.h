// Lists, the part of them this issue needs (argv, exceptions' `args`, prebuilt lists of
// constants); the rest of RPython's rlist comes with "RTyper, part 2". A list that is never
// resized is a fixed array, Ptr(GcArray(ITEM)); a resizable one is Ptr(list_ITEM), the
// rtyper-made GcStruct `{length: Signed, items: Ptr(GcArray(ITEM))}` of runtime/layout.h (the
// items array's length is the capacity).
#pragma once
#include <vector>

#include "annotator/listdef.h"
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class ListRepr final : public Repr {
 public:
  ListRepr(RTyper& rtyper, Repr* item, bool resizable);
  Repr* item_repr() const { return item_; }
  bool resizable() const { return resizable_; }
  const lltype::Array* items_array() const { return array_; }
  const lltype::Struct* list_struct() const { return struct_; }  // resizable only

  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
  // A prebuilt list of these Python values (static data), as a constant of this repr.
  flow::ConstValue convert_items(const std::vector<flow::ConstValue>& values, RTyper& rtyper);

  // A new list holding `items` (already in the item repr).
  flow::Value* new_list(LowLevelOps& llops, const std::vector<flow::Value*>& items);
  // The length (Signed).
  flow::Value* length(LowLevelOps& llops, flow::Value* list);
  // The items array (Ptr(GcArray(ITEM))).
  flow::Value* items(LowLevelOps& llops, flow::Value* list);

 private:
  Repr* item_;
  bool resizable_;
  const lltype::Array* array_ = nullptr;
  const lltype::Struct* struct_ = nullptr;
};

// len(list), list[i] (bounds-checked, negative indexes, IndexError), iteration helpers.
flow::Value* rtype_list_len(Hop& hop);
flow::Value* rtype_list_getitem(Hop& hop);

}  // namespace rpp::rtyper
