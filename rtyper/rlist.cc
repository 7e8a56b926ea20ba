// Lists, minimal (rlist.h).
#include "rtyper/rlist.h"

#include <pybind11/pybind11.h>

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

// ll_getitem(list, index): Python's negative indexes, IndexError out of range.
flow::FunctionGraph* getitem_helper(RTyper& rtyper, ListRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_list_getitem_" + ll_name(r->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, &Signed}, it, loc);
    Block* start = b.start();
    Value* l = start->inputargs[0];
    Value* i = start->inputargs[1];
    LowLevelOps ops = b.ops();
    Value* n = r->length(ops, l);
    Value* neg = ops.genop("int_lt", {i, ops.constant(int64_t(0), &Signed)}, &Bool);
    b.append(start, ops);
    Block* adjust = b.block({lt, &Signed, &Signed});
    Block* check = b.block({lt, &Signed, &Signed});
    b.branch(start, neg, adjust, {l, i, n}, check, {l, i, n});
    LowLevelOps a = b.ops();
    Value* j = a.genop("int_add", {adjust->inputargs[1], adjust->inputargs[2]}, &Signed);
    b.append(adjust, a);
    b.goto_(adjust, check, {adjust->inputargs[0], j, adjust->inputargs[2]});
    LowLevelOps c = b.ops();
    Value* ok = c.genop("int_between", {c.constant(int64_t(0), &Signed), check->inputargs[1], check->inputargs[2]}, &Bool);
    b.append(check, c);
    Block* read = b.block({lt, &Signed});
    Block* fail = b.block({});
    b.branch(check, ok, read, {check->inputargs[0], check->inputargs[1]}, fail, {});
    LowLevelOps rd = b.ops();
    Value* items = r->items(rd, read->inputargs[0]);
    Value* x = rd.genop("getarrayitem", {items, read->inputargs[1]}, it);
    b.append(read, rd);
    b.return_(read, x);
    const RuntimeTypes& rt = rtyper.runtime_types();
    LowLevelOps f = b.ops();
    b.raise_(fail, f.static_constant(rtyper.exceptions().vtable("IndexError"), rtyper.types().ptr(rt.object_vtable)),
             f.static_constant(rtyper.exceptions().instance("IndexError", "list index out of range"),
                               rtyper.types().ptr(rt.object)));
    return b.take();
  });
}

}  // namespace

Value* rtype_list_getitem(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  if (r->item_repr()->is_void()) hop.fail("a list of items without a run-time value");
  Value* l = hop.arg(0);
  Value* i = hop.arg(1, hop.rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = getitem_helper(hop.rtyper, r, hop.op.location);
  hop.exception_is_here();
  Value* x = hop.llops.call_graph(g, {l, i});
  return hop.llops.convert(x, r->item_repr(), hop.r_result);
}

}  // namespace rpp::rtyper
