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
  // A new list of `n` zeroed items (Signed n).
  flow::Value* new_empty(LowLevelOps& llops, flow::Value* n);
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

// rlist_ops.cc: l[i] = x, del l[i], x in l, l + m, l += m, l * n, l[a:b], and the methods
// (append pop insert extend index count remove reverse clear copy); `args` are the hop
// indexes of the method's positional arguments.
flow::Value* rtype_list_setitem(Hop& hop);
flow::Value* rtype_list_delitem(Hop& hop);
flow::Value* rtype_list_contains(Hop& hop);
flow::Value* rtype_list_add(Hop& hop);
flow::Value* rtype_list_inplace_add(Hop& hop);
flow::Value* rtype_list_mul(Hop& hop);
flow::Value* rtype_list_getslice(Hop& hop);
flow::Value* rtype_list_setslice(Hop& hop);
flow::Value* rtype_list_delslice(Hop& hop);  // del l[a:b]
flow::Value* rtype_list_method(Hop& hop, const std::string& method, const std::vector<size_t>& args);
// rlist_builtins.cc: l.sort(reverse=...), sorted(l, reverse=...), min(l), max(l), sum(l[, start]);
// `reverse` / `start` are hop indexes of those arguments (nullptr: absent).
flow::Value* rtype_list_sort(Hop& hop, flow::Value* l, ListRepr* r, const size_t* reverse);
flow::Value* rtype_sorted(Hop& hop, size_t list_arg, const size_t* reverse);
flow::Value* rtype_list_min_max(Hop& hop, size_t list_arg, bool is_min);
flow::Value* rtype_list_sum(Hop& hop, size_t list_arg, const size_t* start);
flow::Value* rtype_list_any_all(Hop& hop, size_t list_arg, bool is_any);
// list(), list(l), list(d) and list(d.keys() / values() / items()); `args`: hop indexes.
flow::Value* rtype_list_call(Hop& hop, const std::vector<size_t>& args);

}  // namespace rpp::rtyper
