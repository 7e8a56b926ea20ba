// Tuples (RPython's rtuple): Ptr to an immutable GcStruct `tupleN_...{item0, item1, ...}` named
// by its item types; items without a run-time value (Void reprs) have no field. Constant
// tuples are static data. newtuple, getitem with a constant index, len, and conversion of a
// tuple whose item reprs differ (item by item).
#pragma once
#include <vector>

#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class TupleRepr final : public Repr {
 public:
  TupleRepr(RTyper& rtyper, std::vector<Repr*> items);
  const std::vector<Repr*>& items() const { return items_; }
  const lltype::Struct* tuple_struct() const { return struct_; }
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

  flow::Value* make(LowLevelOps& llops, const std::vector<flow::Value*>& items);
  // Item i (in its item repr); a Void item is its constant when known.
  flow::Value* item(LowLevelOps& llops, flow::Value* tuple, size_t i);

 private:
  std::vector<Repr*> items_;
  const lltype::Struct* struct_ = nullptr;
};

flow::Value* rtype_newtuple(Hop& hop);
flow::Value* rtype_tuple_getitem(Hop& hop);
flow::Value* rtype_tuple_len(Hop& hop);

}  // namespace rpp::rtyper
