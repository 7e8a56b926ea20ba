// Lists, minimal (rlist.h).
#include "rtyper/rlist.h"

#include <pybind11/pybind11.h>

#include "rtyper/checked_index.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rtyper.h"
#include "translator/frontend/python_object_table.h"

namespace py = pybind11;

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::ConstValue;
using flow::Value;

ListRepr::ListRepr(RTyper& rtyper, Repr* item, bool resizable)
    : Repr(ReprKind::List, &Void, std::string(resizable ? "ListRepr(" : "FixedListRepr(") + item->name() + ")"),
      item_(item),
      resizable_(resizable) {
  TypeArena& types = rtyper.types();
  const LowLevelType* item_type = item->is_void() ? static_cast<const LowLevelType*>(&Void) : item->lowleveltype();
  array_ = types.array(item_type, true);
  if (!resizable) {
    set_type(types.ptr(array_));
    return;
  }
  std::string name = "list_" + ll_name(item_type->to_string());
  const Struct* existing = types.find_struct(name);
  const RuntimeTypes& rt = rtyper.runtime_types();
  if (item_type == types.ptr(rt.str)) existing = rt.str_list;      // the runtime's list of str
  if (item_type == types.ptr(rt.bytes)) existing = rt.bytes_list;
  if (existing) {
    struct_ = existing;
  } else {
    struct_ = types.make_struct(name, true,
                                {{"length", &Signed, FieldMutability::Mutable},
                                 {"items", types.ptr(array_), FieldMutability::Mutable}});
  }
  set_type(types.ptr(struct_));
}

ConstValue ListRepr::convert_items(const std::vector<ConstValue>& values, RTyper& rtyper) {
  StaticData& data = rtyper.static_data();
  StaticObject& items = data.add(array_, "items_" + ll_name(array_->item()->to_string()), int64_t(values.size()));
  for (size_t i = 0; i < values.size(); ++i) items.set_item(i, item_->convert_const(values[i], rtyper));
  if (!resizable_) return static_ref(&items);
  StaticObject& lst = data.add(struct_, struct_->name());
  lst.set_field("length", int64_t(values.size()));
  lst.set_field("items", static_ref(&items));
  return static_ref(&lst);
}

ConstValue ListRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  if (auto* ref = std::get_if<flow::PyObjectRef>(&value)) {
    frontend::ObjectTable& table = *rtyper.context().objects;
    py::object obj = frontend::python_object(table, *ref);
    std::vector<ConstValue> items;
    for (py::handle h : obj) items.push_back(frontend::python_constant(table, h));
    return convert_items(items, rtyper);
  }
  return Repr::convert_const(value, rtyper);
}

Value* ListRepr::new_list(LowLevelOps& llops, const std::vector<Value*>& items) {
  RTyper& rtyper = llops.rtyper();
  Value* n = llops.constant(int64_t(items.size()), &Signed);
  Value* array = llops.genop("malloc_varsize", {llops.type_constant(array_), llops.void_string("gc"), n},
                             rtyper.types().ptr(array_));
  if (!item_->is_void())
    for (size_t i = 0; i < items.size(); ++i)
      llops.genop("setarrayitem", {array, llops.constant(int64_t(i), &Signed), items[i]});
  if (!resizable_) return array;
  Value* lst = llops.genop("malloc", {llops.type_constant(struct_), llops.void_string("gc")}, lowleveltype());
  llops.genop("setfield", {lst, llops.void_string("length"), n});
  llops.genop("setfield", {lst, llops.void_string("items"), array});
  return lst;
}

Value* ListRepr::new_empty(LowLevelOps& llops, Value* n) {
  TypeArena& types = llops.rtyper().types();
  Value* array = llops.genop("malloc_varsize", {llops.type_constant(array_), llops.void_string("gc"), n},
                             types.ptr(array_));
  if (!resizable_) return array;
  Value* lst = llops.genop("malloc", {llops.type_constant(struct_), llops.void_string("gc")}, lowleveltype());
  llops.genop("setfield", {lst, llops.void_string("length"), n});
  llops.genop("setfield", {lst, llops.void_string("items"), array});
  return lst;
}

Value* ListRepr::length(LowLevelOps& llops, Value* list) {
  if (!resizable_) return llops.genop("getarraysize", {list}, &Signed);
  return llops.genop("getfield", {list, llops.void_string("length")}, &Signed);
}

Value* ListRepr::items(LowLevelOps& llops, Value* list) {
  if (!resizable_) return list;
  return llops.genop("getfield", {list, llops.void_string("items")}, llops.rtyper().types().ptr(array_));
}

Value* rtype_list_len(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  hop.exception_cannot_occur();
  return r->length(hop.llops, hop.arg(0));
}

namespace {

// ll_list_getitem(list, index): Python's negative indexes, IndexError out of range
// (ll_list_getitem_..._nonneg: an index the annotator proved >= 0).
flow::FunctionGraph* getitem_helper(RTyper& rtyper, ListRepr* r, const flow::SourceLocation& loc, bool nonneg) {
  const LowLevelType* item = r->item_repr()->lowleveltype();
  return checked_read_graph(
      rtyper, "ll_list_getitem_" + ll_name(r->lowleveltype()->to_string()), r->lowleveltype(), item,
      [r](LowLevelOps& ops, Value* l) { return r->length(ops, l); },
      [r, item](LowLevelOps& ops, Value* l, Value* i) {
        return ops.genop("getarrayitem", {r->items(ops, l), i}, item);
      },
      "list index out of range", loc, nonneg);
}

}  // namespace

Value* rtype_list_getitem(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  if (r->item_repr()->is_void()) hop.fail("a list of items without a run-time value");
  Value* l = hop.arg(0);
  Value* i = hop.arg(1, hop.rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = getitem_helper(hop.rtyper, r, hop.op.location, index_proven_nonneg(hop.args_s[1]));
  hop.exception_is_here();
  Value* x = hop.llops.call_graph(g, {l, i});
  return hop.llops.convert(x, r->item_repr(), hop.r_result);
}

}  // namespace rpp::rtyper
