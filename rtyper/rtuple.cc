// Tuples (rtuple.h).
#include "rtyper/rtuple.h"

#include <pybind11/pybind11.h>

#include "rtyper/rclass.h"
#include "rtyper/rtyper.h"
#include "translator/frontend/python_object_table.h"

namespace py = pybind11;

namespace rpp::rtyper {

using namespace lltype;
using flow::ConstValue;
using flow::Value;

namespace {

std::string tuple_name(const std::vector<Repr*>& items) {
  std::string name = "tuple" + std::to_string(items.size());
  for (Repr* r : items) name += "_" + ll_name(r->is_void() ? std::string("Void") : r->lowleveltype()->to_string());
  return name;
}

std::string item_field(size_t i) { return "item" + std::to_string(i); }

}  // namespace

TupleRepr::TupleRepr(RTyper& rtyper, std::vector<Repr*> items)
    : Repr(ReprKind::Tuple, &Void, "TupleRepr"), items_(std::move(items)) {
  std::string name = tuple_name(items_);
  TypeArena& types = rtyper.types();
  struct_ = types.find_struct(name);
  if (!struct_) {
    std::vector<StructField> fields;
    for (size_t i = 0; i < items_.size(); ++i)
      if (!items_[i]->is_void()) fields.push_back({item_field(i), items_[i]->lowleveltype(), FieldMutability::Mutable});
    StructHints hints;
    hints.immutable = true;
    struct_ = types.make_struct(name, true, std::move(fields), hints);
  }
  set_type(types.ptr(struct_));
}

ConstValue TupleRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  auto* ref = std::get_if<flow::PyObjectRef>(&value);
  if (!ref) return Repr::convert_const(value, rtyper);
  frontend::ObjectTable& table = *rtyper.context().objects;
  py::object obj = frontend::python_object(table, *ref);
  if (!py::isinstance<py::tuple>(obj) || py::len(obj) != items_.size()) return Repr::convert_const(value, rtyper);
  StaticObject& o = rtyper.static_data().add(struct_, struct_->name());
  size_t i = 0;
  for (py::handle h : obj) {
    if (!items_[i]->is_void())
      o.set_field(item_field(i), items_[i]->convert_const(frontend::python_constant(table, h), rtyper));
    ++i;
  }
  return static_ref(&o);
}

Value* TupleRepr::make(LowLevelOps& llops, const std::vector<Value*>& items) {
  Value* t = llops.genop("malloc", {llops.type_constant(struct_), llops.void_string("gc")}, lowleveltype());
  for (size_t i = 0; i < items_.size(); ++i)
    if (!items_[i]->is_void()) llops.genop("setfield", {t, llops.void_string(item_field(i)), items[i]});
  return t;
}

Value* TupleRepr::item(LowLevelOps& llops, Value* tuple, size_t i) {
  if (items_[i]->is_void()) return llops.constant(flow::NoneValue{}, &Void);
  return llops.genop("getfield", {tuple, llops.void_string(item_field(i))}, items_[i]->lowleveltype());
}

Value* rtype_newtuple(Hop& hop) {
  auto* r = dynamic_cast<TupleRepr*>(hop.r_result);
  if (!r) hop.unsupported();
  std::vector<Value*> items;
  for (size_t i = 0; i < hop.nargs(); ++i) items.push_back(hop.arg(i, r->items()[i]));
  hop.exception_cannot_occur();
  return r->make(hop.llops, items);
}

Value* rtype_tuple_getitem(Hop& hop) {
  auto* r = static_cast<TupleRepr*>(hop.args_r[0]);
  const ConstValue* index = hop.constant_arg(1);
  auto* i = index ? std::get_if<int64_t>(index) : nullptr;
  if (!i) hop.fail("a tuple index must be a constant");
  int64_t n = int64_t(r->items().size());
  int64_t k = *i < 0 ? *i + n : *i;
  if (k < 0 || k >= n) hop.fail("tuple index " + std::to_string(*i) + " out of range");
  hop.exception_cannot_occur();
  Repr* ir = r->items()[size_t(k)];
  if (ir->is_void()) {
    if (hop.s_result && hop.s_result->is_constant())
      return hop.llops.constant(hop.r_result->convert_const(*hop.s_result->constant(), hop.rtyper),
                                hop.r_result->lowleveltype());
    return hop.r_result->is_void() ? nullptr : hop.llops.constant(flow::NoneValue{}, hop.r_result->lowleveltype());
  }
  return hop.llops.convert(r->item(hop.llops, hop.arg(0), size_t(k)), ir, hop.r_result);
}

Value* rtype_tuple_len(Hop& hop) {
  auto* r = static_cast<TupleRepr*>(hop.args_r[0]);
  hop.exception_cannot_occur();
  return hop.llops.constant(int64_t(r->items().size()), &Signed);
}

}  // namespace rpp::rtyper
