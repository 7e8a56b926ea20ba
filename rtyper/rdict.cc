// Dicts (rdict.h).
#include "rtyper/rdict.h"

#include <pybind11/pybind11.h>

#include "annotator/dictdef.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/lltype/symbolic.h"
#include "rtyper/rclass.h"
#include "rtyper/riter.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtyper.h"
#include "runtime/rlib/dict_index.h"
#include "runtime/rlib/str_hash.h"
#include "translator/frontend/python_object_table.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::ConstValue;
using flow::Value;
namespace py = pybind11;

DictRepr::DictRepr(RTyper& rtyper, Repr* key, Repr* value)
    : Repr(ReprKind::Dict, &Void, "DictRepr(" + key->name() + ", " + value->name() + ")"), key_(key), value_(value) {
  TypeArena& types = rtyper.types();
  switch (key->kind()) {
    case ReprKind::Integer:
      if (key->lowleveltype() != &Signed) throw RTypeFailure("dict keys of type " + key->name() + " are not supported");
      [[fallthrough]];
    case ReprKind::Char:
    case ReprKind::Bool:
      key_kind_ = "int";
      stored_key_ = &Signed;
      break;
    case ReprKind::Str:
      key_kind_ = "str";
      stored_key_ = key->lowleveltype();
      break;
    case ReprKind::Instance:
      key_kind_ = "ref";
      stored_key_ = key->lowleveltype();
      break;
    default: throw RTypeFailure("dict keys of " + key->name() + " are not supported yet");
  }
  std::string suffix = ll_name(stored_key_->to_string()) + "_" + ll_name(value->lowleveltype()->to_string());
  std::vector<StructField> fields{{"hash", &Signed}, {"key", stored_key_}};
  if (!value->is_void()) fields.push_back({"value", value->lowleveltype()});
  entry_ = types.find_struct("dictentry_" + suffix);
  if (!entry_) entry_ = types.make_struct("dictentry_" + suffix, false, fields);
  entries_ = types.array(entry_, true);
  struct_ = types.find_struct("dict_" + suffix);
  if (!struct_)
    struct_ = types.make_struct("dict_" + suffix, true,
                                {{"num_items", &Signed},
                                 {"num_ever_used", &Signed},
                                 {"indexes", types.ptr(rtyper.runtime_types().dict_indexes)},
                                 {"entries", types.ptr(entries_)}});
  set_type(types.ptr(struct_));
}

// ------------------------------------------------------------------------------------ prebuilt

int64_t DictRepr::stored_hash_of(const ConstValue& key) const {
  if (key_kind_ == "int") {
    if (auto* b = std::get_if<bool>(&key)) return rlib::dict_stored_hash(*b ? 1 : 0);
    return rlib::dict_stored_hash(std::get<int64_t>(key));
  }
  const StaticObject* s = static_object_of(key);
  if (!s || !s->is_str()) throw RTypeFailure("a prebuilt dict with a None key of " + key_->name() + " is not supported");
  return rlib::dict_stored_hash(rlib::hash_code_points(s->text()));
}

ConstValue DictRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  auto* ref = std::get_if<flow::PyObjectRef>(&value);
  if (!ref) return Repr::convert_const(value, rtyper);
  auto memo = prebuilt_.find(ref->id);
  if (memo != prebuilt_.end()) return memo->second;
  frontend::ObjectTable& table = *rtyper.context().objects;
  if (key_kind_ == "ref")
    throw RTypeFailure("the prebuilt dict " + table.describe(*ref) +
                       " has instance keys (hashed by identity at run time): not supported yet");
  py::object obj = frontend::python_object(table, *ref);
  if (!py::isinstance<py::dict>(obj)) return Repr::convert_const(value, rtyper);
  py::dict items = obj.cast<py::dict>();
  StaticData& data = rtyper.static_data();
  int64_t n = int64_t(items.size());
  StaticObject& d = data.add(struct_, struct_->name());
  ConstValue result = static_ref(&d);
  prebuilt_[ref->id] = result;  // before the values: a value may refer back to the dict
  StaticObject& entries = data.add(entries_, "entries_" + struct_->name(), n);
  std::vector<int64_t> hashes;
  size_t e = 0;
  for (auto [k, v] : items) {
    ConstValue key = key_->convert_const(frontend::python_constant(table, k), rtyper);
    if (auto* b = std::get_if<bool>(&key); b && stored_key_ == &Signed) key = int64_t(*b ? 1 : 0);
    int64_t hash = stored_hash_of(key);
    hashes.push_back(hash);
    StaticObject& entry = entries.inlined_item(e++);
    entry.set_field("hash", hash);
    entry.set_field("key", key);
    if (!value_->is_void()) entry.set_field("value", value_->convert_const(frontend::python_constant(table, v), rtyper));
  }
  std::vector<int32_t> slots = rlib::dict_build_index_table(hashes);
  StaticObject& indexes = data.add(rtyper.runtime_types().dict_indexes, "indexes_" + struct_->name(), int64_t(slots.size()));
  for (size_t i = 0; i < slots.size(); ++i) indexes.set_item(i, int64_t(slots[i]));
  d.set_field("num_items", n);
  d.set_field("num_ever_used", n);
  d.set_field("indexes", static_ref(&indexes));
  d.set_field("entries", static_ref(&entries));
  return result;
}

Value* DictRepr::new_dict(LowLevelOps& ops) {
  auto tid = [&](const LowLevelType* t) {
    return ops.constant(std::shared_ptr<const flow::ConstPayload>(Symbolic::type_id(t)), &Signed);
  };
  Value* d = ops.call_helper("dict_new", {tid(struct_), tid(entries_)});
  return ops.genop("cast_opaque_ptr", {d}, lowleveltype());
}

Value* DictRepr::stored_key(LowLevelOps& ops, Value* key) {
  if (key_->kind() == ReprKind::Char) return ops.genop("cast_unichar_to_int", {key}, &Signed);
  if (key_->kind() == ReprKind::Bool) return ops.genop("cast_bool_to_int", {key}, &Signed);
  return key;
}

Value* DictRepr::lookup(LowLevelOps& ops, Value* d, Value* key) {
  Value* k = stored_key(ops, key);
  if (key_kind_ == "str") return ops.call_helper("dict_lookup_str", {d, k, ops.call_helper("str_hash", {k})});
  return ops.call_helper("dict_lookup_" + key_kind_, {d, k});
}

Value* DictRepr::insert(LowLevelOps& ops, Value* d, Value* key) {
  Value* k = stored_key(ops, key);
  if (key_kind_ == "str") return ops.call_helper("dict_insert_str", {d, k, ops.call_helper("str_hash", {k})});
  return ops.call_helper("dict_insert_" + key_kind_, {d, k});
}

Value* DictRepr::entries(LowLevelOps& ops, Value* d) {
  return ops.genop("getfield", {d, ops.void_string("entries")}, ops.rtyper().types().ptr(entries_));
}

namespace {

std::string suffix(DictRepr* r) { return ll_name(r->lowleveltype()->to_string()); }

// Raises KeyError(repr(key)) from `block` (whose input arguments hold the key at `key_index`).
void raise_key_error(RTyper& rtyper, LowLevelGraphBuilder& b, Block* block, DictRepr* r, Value* key) {
  LowLevelOps d = b.ops();
  Repr* kr = r->key_repr();
  Value* text = nullptr;
  if (kr->kind() == ReprKind::Integer) text = d.call_helper("int_to_str", {key});
  else if (kr->kind() == ReprKind::Str) text = d.call_helper("str_repr", {key});
  else if (kr->kind() == ReprKind::Char) text = d.call_helper("str_repr", {d.call_helper("str_from_char", {key})});
  const RuntimeTypes& rt = rtyper.runtime_types();
  Value* vt = d.static_constant(rtyper.exceptions().vtable("KeyError"), rtyper.types().ptr(rt.object_vtable));
  if (!text) {
    b.raise_(block, vt, d.static_constant(rtyper.exceptions().instance("KeyError", ""), rtyper.types().ptr(rt.object)));
    return;
  }
  const annotator::ClassDef* def = rtyper.exceptions().classdef("KeyError");
  ClassInfo* root = &rtyper.classes().info(def);
  while (root->parent) root = root->parent;
  Value* e = rtyper.classes().new_instance(d, def);
  d.genop("setfield", {d.cast_pointer(e, rtyper.types().ptr(root->instance_struct)), d.void_string("rpy_message"), text});
  Value* ev = d.cast_pointer(e, rtyper.types().ptr(rt.object));
  b.append(block, d);
  b.raise_(block, vt, ev);
}

// ll_dict_getitem(d, key) (KeyError), ll_dict_delitem(d, key) (KeyError), ll_dict_get(d, key, default).
enum class Access { GetItem, DelItem, Get };

flow::FunctionGraph* access_graph(RTyper& rtyper, DictRepr* r, Access kind, const flow::SourceLocation& loc) {
  static const char* const names[] = {"ll_dict_getitem_", "ll_dict_delitem_", "ll_dict_get_"};
  std::string name = names[int(kind)] + suffix(r);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    const LowLevelType* kt = r->key_repr()->lowleveltype();
    const LowLevelType* vt = r->value_repr()->lowleveltype();
    std::vector<const LowLevelType*> params{dt, kt};
    if (kind == Access::Get) params.push_back(vt);
    LowLevelGraphBuilder b(rtyper, name, params, kind == Access::DelItem ? &Void : vt, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* e = r->lookup(o, s->inputargs[0], s->inputargs[1]);
    Value* found = o.genop("int_ge", {e, o.constant(int64_t(0), &Signed)}, &Bool);
    b.append(s, o);
    Block* hit = b.block({dt, &Signed});
    bool get = kind == Access::Get;
    Block* miss = get ? b.block({kt, vt}) : b.block({kt});
    std::vector<Value*> miss_args{s->inputargs[1]};
    if (get) miss_args.push_back(s->inputargs[2]);
    b.branch(s, found, hit, {s->inputargs[0], e}, miss, miss_args);
    LowLevelOps h = b.ops();
    if (kind == Access::DelItem) {
      h.call_helper("dict_delete_index", {hit->inputargs[0], hit->inputargs[1]});
      b.append(hit, h);
      b.return_(hit, h.constant(flow::NoneValue{}, &Void));
    } else if (vt == &Void) {
      b.return_(hit, h.constant(flow::NoneValue{}, &Void));
    } else {
      Value* entries = r->entries(h, hit->inputargs[0]);
      Value* v = h.genop("getinteriorfield", {entries, hit->inputargs[1], h.void_string("value")}, vt);
      b.append(hit, h);
      b.return_(hit, v);
    }
    if (kind == Access::Get) b.return_(miss, miss->inputargs[1]);
    else raise_key_error(rtyper, b, miss, r, miss->inputargs[0]);
    return b.take();
  });
}

}  // namespace

Value* rtype_newdict(Hop& hop) {
  auto* r = dynamic_cast<DictRepr*>(hop.r_result);
  if (!r) hop.unsupported();
  LowLevelOps& ops = hop.llops;
  std::vector<std::pair<Value*, Value*>> items;
  for (size_t i = 0; i + 1 < hop.nargs(); i += 2)
    items.push_back({hop.arg(i, r->key_repr()), hop.arg(i + 1, r->value_repr())});
  hop.exception_cannot_occur();
  Value* d = r->new_dict(ops);
  for (auto& [k, v] : items) {
    Value* e = r->insert(ops, d, k);
    if (!r->value_repr()->is_void())
      ops.genop("setinteriorfield", {r->entries(ops, d), e, ops.void_string("value"), v});
  }
  return d;
}

Value* rtype_dict_getitem(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  flow::FunctionGraph* g = access_graph(hop.rtyper, r, Access::GetItem, hop.op.location);
  hop.exception_is_here();
  Value* v = hop.llops.call_graph(g, {d, k});
  return hop.llops.convert(v, r->value_repr(), hop.r_result);
}

Value* rtype_dict_delitem(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  flow::FunctionGraph* g = access_graph(hop.rtyper, r, Access::DelItem, hop.op.location);
  hop.exception_is_here();
  hop.llops.call_graph(g, {d, k});
  return nullptr;
}

Value* rtype_dict_setitem(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  LowLevelOps& ops = hop.llops;
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  Value* v = r->value_repr()->is_void() ? nullptr : hop.arg(2, r->value_repr());
  hop.exception_cannot_occur();
  Value* e = r->insert(ops, d, k);
  if (v) ops.genop("setinteriorfield", {r->entries(ops, d), e, ops.void_string("value"), v});
  return nullptr;
}

Value* rtype_dict_contains(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  LowLevelOps& ops = hop.llops;
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  hop.exception_cannot_occur();
  Value* e = r->lookup(ops, d, k);
  return ops.genop("int_ge", {e, ops.constant(int64_t(0), &Signed)}, &Bool);
}

Value* rtype_dict_len(Hop& hop) {
  hop.exception_cannot_occur();
  return hop.llops.genop("getfield", {hop.arg(0), hop.llops.void_string("num_items")}, &Signed);
}

Value* rtype_dict_method(Hop& hop, const std::string& method, const std::vector<size_t>& args) {
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  auto* r = static_cast<DictRepr*>(bm->receiver());
  LowLevelOps& ops = hop.llops;
  Value* d = hop.arg(0, bm);
  if (method == "get" && (args.size() == 1 || args.size() == 2)) {
    Value* k = hop.arg(args[0], r->key_repr());
    Value* dflt = args.size() == 2 ? hop.arg(args[1], r->value_repr())
                                   : ops.constant(r->value_repr()->convert_const(flow::NoneValue{}, hop.rtyper),
                                                  r->value_repr()->lowleveltype());
    hop.exception_cannot_occur();
    Value* v = ops.call_graph(access_graph(hop.rtyper, r, Access::Get, hop.op.location), {d, k, dflt});
    return ops.convert(v, r->value_repr(), hop.r_result);
  }
  if ((method == "keys" || method == "values" || method == "items") && args.empty()) return rtype_dict_view(hop, d);
  if (method == "clear" && args.empty()) {
    hop.exception_cannot_occur();
    ops.call_helper("dict_clear", {d});
    return nullptr;
  }
  hop.fail("dict." + method + "() has no low-level implementation yet");
}

}  // namespace rpp::rtyper
