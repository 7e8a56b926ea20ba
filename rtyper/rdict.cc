// Dicts (rdict.h).
#include "rtyper/rdict.h"

#include <pybind11/pybind11.h>

#include "annotator/description.h"
#include "annotator/dictdef.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/lltype/symbolic.h"
#include "rtyper/rclass.h"
#include "rtyper/rcompare.h"
#include "rtyper/rpbc.h"
#include "rtyper/riter.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rlist.h"
#include "rtyper/rtuple.h"
#include "rtyper/checked_index.h"
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

DictRepr::DictRepr(RTyper& rtyper, Repr* key, Repr* value, annotator::SomeRef eq_fn, annotator::SomeRef hash_fn)
    : Repr(ReprKind::Dict, &Void, std::string(eq_fn ? "RDictRepr(" : "DictRepr(") + key->name() + ", " + value->name() + ")"),
      key_(key),
      value_(value),
      eq_fn_(std::move(eq_fn)),
      hash_fn_(std::move(hash_fn)) {
  TypeArena& types = rtyper.types();
  if (eq_fn_) {
    // r_dict: any key with a run-time value, through the user's functions.
    if (key->is_void()) throw RTypeFailure("an r_dict whose keys have no run-time value is not supported");
    if (!as<Ptr>(key->lowleveltype()))
      throw RTypeFailure("r_dict keys of " + key->name() + " are not supported (only GC objects: str, tuples, instances)");
    key_kind_ = "custom";
    stored_key_ = key->lowleveltype();
  } else switch (key->kind()) {
    case ReprKind::Integer:
      if (key->lowleveltype() != &Signed) throw RTypeFailure("dict keys of type " + key->name() + " are not supported");
      [[fallthrough]];
    case ReprKind::Char:
    case ReprKind::Bool:
      key_kind_ = "int";
      stored_key_ = &Signed;
      break;
    case ReprKind::Str:
    case ReprKind::Bytes:  // the str helpers on the narrow layout, hashed by $bytes_hash
      key_kind_ = "str";
      stored_key_ = key->lowleveltype();
      break;
    case ReprKind::Instance:
      key_kind_ = "ref";
      stored_key_ = key->lowleveltype();
      break;
    case ReprKind::Tuple:
      if (!hashable(key)) throw RTypeFailure("dict keys of " + key->name() + " (a tuple with unhashable items) are not supported");
      key_kind_ = "custom";
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

namespace {

// The hash item_hash gives at run time, for a Python constant of repr `r` (ll_tuple_hash_T's
// round for tuples); throws RTypeFailure for values hashed by identity.
uint64_t translation_time_hash(Repr* r, py::handle v) {
  switch (r->kind()) {
    case ReprKind::Integer:
    case ReprKind::Bool: return uint64_t(v.cast<int64_t>());
    case ReprKind::Char:
    case ReprKind::Str: {
      std::u32string text;
      for (char32_t c : v.cast<std::u32string>()) text.push_back(c);
      if (r->kind() == ReprKind::Char) return text.empty() ? 0 : uint64_t(text[0]);
      return uint64_t(rlib::hash_code_points(text));
    }
    case ReprKind::Bytes: {
      std::string data = v.cast<std::string>();
      return uint64_t(rlib::hash_string_bytes(data.data(), data.size()));
    }
    case ReprKind::Void: return 0;
    case ReprKind::Tuple: {
      auto* tr = static_cast<TupleRepr*>(r);
      py::tuple t = py::reinterpret_borrow<py::tuple>(v);
      uint64_t acc = 2870177450012600261ULL;  // as tuple_hash_graph (rcompare.cc)
      for (size_t i = 0; i < tr->items().size(); ++i) {
        if (tr->items()[i]->is_void()) continue;
        acc += translation_time_hash(tr->items()[i], t[i]) * 14029467366897019727ULL;
        acc = (acc << 31) | (acc >> 33);
        acc *= 11400714785074694791ULL;
      }
      return acc + (uint64_t(tr->items().size()) ^ (2870177450012600261ULL ^ 3527539ULL));
    }
    default: throw RTypeFailure("a prebuilt dict key of " + r->name() + " (hashed by identity at run time)");
  }
}

}  // namespace

int64_t DictRepr::custom_hash_of(RTyper& rtyper, py::handle key) const {
  if (!eq_fn_) return rlib::dict_stored_hash(int64_t(translation_time_hash(key_, key)));
  const auto& pbc = hash_fn_->as<annotator::SomePBC>();
  const annotator::Desc* d = pbc.descs().at(0);
  if (!d->pyobj) throw RTypeFailure("the hash function of a prebuilt r_dict has no Python object");
  py::object fn = frontend::python_object(*rtyper.context().objects, *d->pyobj);
  py::object h = fn(key);
  uint64_t bits = h.attr("__and__")(py::int_(~uint64_t(0))).cast<uint64_t>();
  return rlib::dict_stored_hash(int64_t(bits));
}

ConstValue DictRepr::convert_const(const ConstValue& value, RTyper& rtyper) {
  if (std::holds_alternative<flow::NoneValue>(value)) return flow::NoneValue{};
  auto* ref = std::get_if<flow::PyObjectRef>(&value);
  if (!ref) return Repr::convert_const(value, rtyper);
  auto memo = prebuilt_.find(ref->id);
  if (memo != prebuilt_.end()) return memo->second;
  frontend::ObjectTable& table = *rtyper.context().objects;
  py::object obj = frontend::python_object(table, *ref);
  if (!py::isinstance<py::dict>(obj)) {
    // An r_dict: its items (rlib's r_dict keeps them in a plain dict of wrapped keys).
    if (eq_fn_ && py::hasattr(obj, "items")) obj = py::dict(obj.attr("items")());
    else return Repr::convert_const(value, rtyper);
  }
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
    // Identity keys: a placeholder (not 0, which marks a deleted entry); the runtime stores the
    // identity hashes before the first use (the index table below is marked stale).
    int64_t hash = key_kind_ == "custom" ? custom_hash_of(rtyper, k) : key_kind_ == "ref" ? 1 : stored_hash_of(key);
    hashes.push_back(hash);
    StaticObject& entry = entries.inlined_item(e++);
    entry.set_field("hash", hash);
    entry.set_field("key", key);
    if (!value_->is_void()) entry.set_field("value", value_->convert_const(frontend::python_constant(table, v), rtyper));
  }
  std::vector<int32_t> slots =
      key_kind_ == "ref" ? rlib::dict_stale_index_table(n) : rlib::dict_build_index_table(hashes);
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

std::string DictRepr::helper_suffix() const {
  std::string suffix = ll_name(lowleveltype()->to_string());
  if (eq_fn_) suffix += "_" + rdict_graph(eq_fn_, "key_eq")->name + "_" + rdict_graph(hash_fn_, "key_hash")->name;
  return suffix;
}

flow::FunctionGraph* DictRepr::rdict_graph(const annotator::SomeRef& fn, const char* what) const {
  const annotator::SomePBC* pbc = fn && fn->is(annotator::SomeKind::PBC) ? &fn->as<annotator::SomePBC>() : nullptr;
  if (!pbc || pbc->descs().size() != 1 || pbc->descs()[0]->kind != annotator::DescKind::Function)
    throw RTypeFailure(std::string("the ") + what + " function of an r_dict must be one plain function");
  flow::FunctionGraph* g = default_graph(pbc->descs()[0]->as<annotator::FunctionDesc>());
  if (!g) throw RTypeFailure(std::string("the ") + what + " function of an r_dict has no graph");
  return g;
}

Value* DictRepr::custom_hash(LowLevelOps& ops, Value* key) {
  RTyper& rtyper = ops.rtyper();
  if (!eq_fn_) return item_hash(ops, key_, key, ops.location());
  flow::FunctionGraph* g = rdict_graph(hash_fn_, "key_hash");
  Repr* param = rtyper.getrepr(g->startblock->inputargs[0]->annotation);
  Value* h = ops.call_graph(g, {ops.convert(key, key_, param)});
  return ops.convert(h, rtyper.getrepr(g->returnblock->inputargs[0]->annotation), rtyper.getrepr(annotator::s_int()));
}

flow::FunctionGraph* DictRepr::custom_eq_graph(RTyper& rtyper, const flow::SourceLocation& loc) {
  std::string name = "ll_dict_keyeq_" + helper_suffix();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* gcref = rtyper.types().ptr(rtyper.runtime_types().gcref);
    LowLevelGraphBuilder b(rtyper, name, {gcref, gcref}, &Bool, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* x = o.genop("cast_opaque_ptr", {s->inputargs[0]}, key_->lowleveltype());
    Value* y = o.genop("cast_opaque_ptr", {s->inputargs[1]}, key_->lowleveltype());
    Value* eq;
    if (eq_fn_) {
      flow::FunctionGraph* g = rdict_graph(eq_fn_, "key_eq");
      Repr* p0 = rtyper.getrepr(g->startblock->inputargs[0]->annotation);
      Repr* p1 = rtyper.getrepr(g->startblock->inputargs[1]->annotation);
      eq = o.call_graph(g, {o.convert(x, key_, p0), o.convert(y, key_, p1)});
      eq = o.convert(eq, rtyper.getrepr(g->returnblock->inputargs[0]->annotation), rtyper.getrepr(annotator::s_bool()));
    } else {
      eq = item_equal(o, key_, x, y);
    }
    b.append(s, o);
    b.return_(s, eq);
    return b.take();
  });
}

Value* DictRepr::text_key(LowLevelOps& ops, Value* key) const {
  if (key_->kind() != ReprKind::Bytes) return key;
  const RuntimeTypes& rt = ops.rtyper().runtime_types();
  Value* g = ops.genop("cast_opaque_ptr", {key}, ops.rtyper().types().ptr(rt.gcref));
  return ops.genop("cast_opaque_ptr", {g}, ops.rtyper().types().ptr(rt.str));
}

Value* DictRepr::text_hash(LowLevelOps& ops, Value* key) const {
  return ops.call_helper(key_->kind() == ReprKind::Bytes ? "bytes_hash" : "str_hash", {key});
}

Value* DictRepr::lookup(LowLevelOps& ops, Value* d, Value* key) {
  Value* k = stored_key(ops, key);
  if (key_kind_ == "custom")
    return ops.call_helper("dict_lookup_custom", {d, k, custom_hash(ops, k),
                                                  ops.graph_constant(custom_eq_graph(ops.rtyper(), ops.location()))});
  if (key_kind_ == "str") return ops.call_helper("dict_lookup_str", {d, text_key(ops, k), text_hash(ops, k)});
  return ops.call_helper("dict_lookup_" + key_kind_, {d, k});
}

Value* DictRepr::insert(LowLevelOps& ops, Value* d, Value* key) {
  Value* k = stored_key(ops, key);
  if (key_kind_ == "custom")
    return ops.call_helper("dict_insert_custom", {d, k, custom_hash(ops, k),
                                                  ops.graph_constant(custom_eq_graph(ops.rtyper(), ops.location()))});
  if (key_kind_ == "str") return ops.call_helper("dict_insert_str", {d, text_key(ops, k), text_hash(ops, k)});
  return ops.call_helper("dict_insert_" + key_kind_, {d, k});
}

Value* DictRepr::entries(LowLevelOps& ops, Value* d) {
  return ops.genop("getfield", {d, ops.void_string("entries")}, ops.rtyper().types().ptr(entries_));
}

Value* DictRepr::entry_key(LowLevelOps& ops, Value* entries, Value* e) {
  Value* k = ops.genop("getinteriorfield", {entries, e, ops.void_string("key")}, stored_key_);
  if (key_->kind() == ReprKind::Char) return ops.genop("cast_int_to_unichar", {k}, &UniChar);
  if (key_->kind() == ReprKind::Bool) return ops.genop("int_is_true", {k}, &Bool);
  return k;
}

Value* DictRepr::entry_value(LowLevelOps& ops, Value* entries, Value* e) {
  if (value_->is_void()) return ops.constant(flow::NoneValue{}, &Void);
  return ops.genop("getinteriorfield", {entries, e, ops.void_string("value")}, value_->lowleveltype());
}

namespace {

std::string suffix(DictRepr* r) { return r->helper_suffix(); }

// Raises KeyError(repr(key)) from `block` (whose input arguments hold the key at `key_index`).
void raise_key_error(Hop& hop, LowLevelGraphBuilder& b, Block* block, DictRepr* r, Value* key) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps d = b.ops();
  Repr* kr = r->key_repr();
  Value* text = nullptr;
  if (kr->kind() == ReprKind::Integer) text = d.call_helper("int_to_str", {key});
  else if (kr->kind() == ReprKind::Str) text = d.call_helper("str_repr", {key});
  else if (kr->kind() == ReprKind::Bytes) text = d.call_helper("bytes_repr", {key});
  else if (kr->kind() == ReprKind::Char) text = d.call_helper("str_repr", {d.call_helper("str_from_char", {key})});
  else if (kr->kind() == ReprKind::Tuple) {
    // CPython's `KeyError: (1, 'a')`; the custom key arrives as Ptr(gcref).
    Value* t = key->concretetype == kr->lowleveltype() ? key : d.genop("cast_opaque_ptr", {key}, kr->lowleveltype());
    try {
      LowLevelOps attempt = b.ops();
      text = to_repr_in(hop, attempt, t, kr);
      for (auto& op : attempt.operations()) d.operations().push_back(std::move(op));
    } catch (const RTypeFailure&) {
      text = nullptr;  // items without a repr: no message
    }
  }
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

// One lookup, then a read, a deletion or an insertion: ll_dict_getitem(d, key) (KeyError),
// ll_dict_delitem(d, key) (KeyError), ll_dict_get(d, key, default), ll_dict_pop(d, key)
// (KeyError), ll_dict_pop_default(d, key, default), ll_dict_setdefault(d, key, default).
enum class Access { GetItem, DelItem, Get, Pop, PopDefault, SetDefault };

flow::FunctionGraph* access_graph(Hop& hop, DictRepr* r, Access kind, const flow::SourceLocation& loc) {
  RTyper& rtyper = hop.rtyper;
  static const char* const names[] = {"ll_dict_getitem_", "ll_dict_delitem_", "ll_dict_get_",
                                      "ll_dict_pop_",     "ll_dict_pop_default_", "ll_dict_setdefault_"};
  std::string name = names[int(kind)] + suffix(r);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    const LowLevelType* kt = r->key_repr()->lowleveltype();
    const LowLevelType* vt = r->value_repr()->lowleveltype();
    bool with_default = kind == Access::Get || kind == Access::PopDefault || kind == Access::SetDefault;
    bool deletes = kind == Access::DelItem || kind == Access::Pop || kind == Access::PopDefault;
    std::vector<const LowLevelType*> params{dt, kt};
    if (with_default) params.push_back(vt);
    LowLevelGraphBuilder b(rtyper, name, params, kind == Access::DelItem ? &Void : vt, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* e = r->lookup(o, s->inputargs[0], s->inputargs[1]);
    Value* found = o.genop("int_ge", {e, o.constant(int64_t(0), &Signed)}, &Bool);
    b.append(s, o);
    Block* hit = b.block({dt, &Signed});
    Block* miss = b.block(params);
    b.branch(s, found, hit, {s->inputargs[0], e}, miss, std::vector<Value*>(s->inputargs.begin(), s->inputargs.end()));
    LowLevelOps h = b.ops();
    Value* v = h.constant(flow::NoneValue{}, &Void);
    if (vt != &Void && kind != Access::DelItem)
      v = h.genop("getinteriorfield", {r->entries(h, hit->inputargs[0]), hit->inputargs[1], h.void_string("value")}, vt);
    if (deletes) h.call_helper("dict_delete_index", {hit->inputargs[0], hit->inputargs[1]});
    b.append(hit, h);
    b.return_(hit, v);
    LowLevelOps m = b.ops();
    switch (kind) {
      case Access::Get:
      case Access::PopDefault: b.return_(miss, miss->inputargs[2]); break;
      case Access::SetDefault: {
        Value* e2 = r->insert(m, miss->inputargs[0], miss->inputargs[1]);
        if (vt != &Void)
          m.genop("setinteriorfield", {r->entries(m, miss->inputargs[0]), e2, m.void_string("value"), miss->inputargs[2]});
        b.append(miss, m);
        b.return_(miss, miss->inputargs[2]);
        break;
      }
      default: raise_key_error(hop, b, miss, r, miss->inputargs[1]);
    }
    return b.take();
  });
}

// ll_dict_popitem_T(d) -> (key, value) of the last entry, removed; KeyError when empty.
flow::FunctionGraph* popitem_graph(RTyper& rtyper, DictRepr* r, TupleRepr* tr, const flow::SourceLocation& loc) {
  std::string name = "ll_dict_popitem_" + suffix(r) + "_" + tr->tuple_struct()->name();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {dt}, tr->lowleveltype(), loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* e = o.call_helper("dict_last_index", {s->inputargs[0]});
    Value* some = o.genop("int_ge", {e, o.constant(int64_t(0), &Signed)}, &Bool);
    b.append(s, o);
    Block* hit = b.block({dt, &Signed});
    Block* empty = b.block({});
    b.branch(s, some, hit, {s->inputargs[0], e}, empty, {});
    raise_prebuilt(rtyper, b, empty, "KeyError", "'popitem(): dictionary is empty'");  // str(e) is the repr
    LowLevelOps h = b.ops();
    Value* entries = r->entries(h, hit->inputargs[0]);
    Value* k = h.convert(r->entry_key(h, entries, hit->inputargs[1]), r->key_repr(), tr->items()[0]);
    Value* v = h.convert(r->entry_value(h, entries, hit->inputargs[1]), r->value_repr(), tr->items()[1]);
    Value* t = tr->make(h, {k, v});
    h.call_helper("dict_delete_index", {hit->inputargs[0], hit->inputargs[1]});
    b.append(hit, h);
    b.return_(hit, t);
    return b.take();
  });
}

// ll_dict_update_T_U(d, other): every entry of other inserted into d, in other's order.
flow::FunctionGraph* update_graph(RTyper& rtyper, DictRepr* r, DictRepr* ro, const flow::SourceLocation& loc) {
  std::string name = "ll_dict_update_" + suffix(r) + "_" + suffix(ro);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    const LowLevelType* ot = ro->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {dt, ot}, &Void, loc);
    Block* s = b.start();
    std::vector<const LowLevelType*> state{dt, ot, &Signed};
    Block* head = b.block(state);
    LowLevelOps z = b.ops();
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], z.constant(int64_t(0), &Signed)});
    LowLevelOps h = b.ops();
    Value* e = h.call_helper("dict_next_index", {head->inputargs[1], head->inputargs[2]});
    Value* more = h.genop("int_ge", {e, h.constant(int64_t(0), &Signed)}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], e}, done, {});
    LowLevelOps d = b.ops();
    b.return_(done, d.constant(flow::NoneValue{}, &Void));
    LowLevelOps w = b.ops();
    Value* entries = ro->entries(w, body->inputargs[1]);
    Value* k = w.convert(ro->entry_key(w, entries, body->inputargs[2]), ro->key_repr(), r->key_repr());
    Value* v = w.convert(ro->entry_value(w, entries, body->inputargs[2]), ro->value_repr(), r->value_repr());
    Value* at = r->insert(w, body->inputargs[0], k);
    if (!r->value_repr()->is_void())
      w.genop("setinteriorfield", {r->entries(w, body->inputargs[0]), at, w.void_string("value"), v});
    Value* next = w.genop("int_add", {body->inputargs[2], w.constant(int64_t(1), &Signed)}, &Signed);
    b.append(body, w);
    b.goto_(body, head, {body->inputargs[0], body->inputargs[1], next});
    return b.take();
  });
}

// ll_dict_list_keys_T_R(d) (values, items): a new list of the keys (values, (key, value) tuples)
// in insertion order: r_dict's keys() / values() / items(), sorted(d) / sorted(d.keys()).
flow::FunctionGraph* to_list_graph(RTyper& rtyper, DictRepr* r, annotator::IterVariant what, ListRepr* rr,
                                   const flow::SourceLocation& loc) {
  const char* kind = what == annotator::IterVariant::Values ? "values" : what == annotator::IterVariant::Items ? "items" : "keys";
  std::string name = std::string("ll_dict_list_") + kind + "_" + suffix(r) + "_" + ll_name(rr->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    const LowLevelType* lt = rr->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {dt}, lt, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* n = o.genop("getfield", {s->inputargs[0], o.void_string("num_items")}, &Signed);
    Value* out = rr->new_empty(o, n);
    b.append(s, o);
    std::vector<const LowLevelType*> state{dt, lt, &Signed, &Signed};  // dict, list, entry, list index
    Block* head = b.block(state);
    b.goto_(s, head, {s->inputargs[0], out, o.constant(int64_t(0), &Signed), o.constant(int64_t(0), &Signed)});
    LowLevelOps h = b.ops();
    Value* e = h.call_helper("dict_next_index", {head->inputargs[0], head->inputargs[2]});
    Value* more = h.genop("int_ge", {e, h.constant(int64_t(0), &Signed)}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({lt});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], e, head->inputargs[3]}, done,
             {head->inputargs[1]});
    b.return_(done, done->inputargs[0]);
    LowLevelOps w = b.ops();
    Value* entries = r->entries(w, body->inputargs[0]);
    Value* at = body->inputargs[2];
    Value* x;
    if (what == annotator::IterVariant::Items) {
      auto* tr = static_cast<TupleRepr*>(rr->item_repr());
      x = tr->make(w, {w.convert(r->entry_key(w, entries, at), r->key_repr(), tr->items()[0]),
                       w.convert(r->entry_value(w, entries, at), r->value_repr(), tr->items()[1])});
    } else if (what == annotator::IterVariant::Values) {
      x = w.convert(r->entry_value(w, entries, at), r->value_repr(), rr->item_repr());
    } else {
      x = w.convert(r->entry_key(w, entries, at), r->key_repr(), rr->item_repr());
    }
    if (!rr->item_repr()->is_void()) w.genop("setarrayitem", {rr->items(w, body->inputargs[1]), body->inputargs[3], x});
    Value* next_entry = w.genop("int_add", {at, w.constant(int64_t(1), &Signed)}, &Signed);
    Value* next_index = w.genop("int_add", {body->inputargs[3], w.constant(int64_t(1), &Signed)}, &Signed);
    b.append(body, w);
    b.goto_(body, head, {body->inputargs[0], body->inputargs[1], next_entry, next_index});
    return b.take();
  });
}

}  // namespace

Value* dict_to_list(LowLevelOps& ops, DictRepr* r, Value* d, annotator::IterVariant what, ListRepr* rr) {
  if (what == annotator::IterVariant::Items) {
    auto* tr = dynamic_cast<TupleRepr*>(rr->item_repr());
    if (!tr || tr->items().size() != 2) throw RTypeFailure("the items of a dict into a list of " + rr->item_repr()->name());
  }
  return ops.call_graph(to_list_graph(ops.rtyper(), r, what, rr, ops.location()), {d});
}

Value* rtype_dict_call(Hop& hop, const std::vector<size_t>& args) {
  auto* rr = dynamic_cast<DictRepr*>(hop.r_result);
  if (!rr) hop.unsupported();
  LowLevelOps& ops = hop.llops;
  if (args.empty()) {
    hop.exception_cannot_occur();
    return rr->new_dict(ops);
  }
  auto* ro = dynamic_cast<DictRepr*>(hop.args_r[args[0]]);
  if (!ro) hop.fail("dict() of something that is not a dict");
  Value* other = hop.arg(args[0]);
  flow::FunctionGraph* g = update_graph(hop.rtyper, rr, ro, hop.op.location);
  hop.exception_cannot_occur();
  Value* out = rr->new_dict(ops);
  ops.call_graph(g, {out, other});
  return out;
}

Value* rtype_new_r_dict(Hop& hop) {
  auto* r = dynamic_cast<DictRepr*>(hop.r_result);
  if (!r || !r->is_r_dict()) hop.fail("r_dict() whose result is not an r_dict");
  hop.exception_cannot_occur();
  return r->new_dict(hop.llops);
}

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
  flow::FunctionGraph* g = access_graph(hop, r, Access::GetItem, hop.op.location);
  hop.exception_is_here();
  Value* v = hop.llops.call_graph(g, {d, k});
  return hop.llops.convert(v, r->value_repr(), hop.r_result);
}

Value* rtype_dict_delitem(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  flow::FunctionGraph* g = access_graph(hop, r, Access::DelItem, hop.op.location);
  hop.exception_is_here();
  hop.llops.call_graph(g, {d, k});
  return nullptr;
}

// For custom keys (tuples, r_dict), whose hash and eq may raise: ll_dict_setitem_T(d, k, v) /
// ll_dict_contains_T(d, k), one call the caller's exception links follow.
flow::FunctionGraph* custom_key_graph(Hop& hop, DictRepr* r, bool contains) {
  RTyper& rtyper = hop.rtyper;
  std::string name = (contains ? "ll_dict_contains_" : "ll_dict_setitem_") + suffix(r);
  return rtyper.helpers().get(name, [&] {
    std::vector<const LowLevelType*> params{r->lowleveltype(), r->key_repr()->lowleveltype()};
    bool has_value = !contains && !r->value_repr()->is_void();
    if (has_value) params.push_back(r->value_repr()->lowleveltype());
    LowLevelGraphBuilder b(rtyper, name, params, contains ? static_cast<const LowLevelType*>(&Bool) : &Void,
                           hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* result;
    if (contains) {
      Value* e = r->lookup(o, s->inputargs[0], s->inputargs[1]);
      result = o.genop("int_ge", {e, o.signed_constant(0)}, &Bool);
    } else {
      Value* e = r->insert(o, s->inputargs[0], s->inputargs[1]);
      if (has_value) o.genop("setinteriorfield", {r->entries(o, s->inputargs[0]), e, o.void_string("value"), s->inputargs[2]});
      result = o.constant(flow::NoneValue{}, &Void);
    }
    b.append(s, o);
    b.return_(s, result);
    return b.take();
  });
}

Value* rtype_dict_setitem(Hop& hop) {
  auto* r = static_cast<DictRepr*>(hop.args_r[0]);
  LowLevelOps& ops = hop.llops;
  Value* d = hop.arg(0);
  Value* k = hop.arg(1, r->key_repr());
  Value* v = r->value_repr()->is_void() ? nullptr : hop.arg(2, r->value_repr());
  if (r->key_kind() == "custom") {  // the user's eq or hash may raise: caught by the caller
    std::vector<Value*> args{d, k};
    if (v) args.push_back(v);
    flow::FunctionGraph* g = custom_key_graph(hop, r, false);
    hop.exception_is_here();
    ops.call_graph(g, args);
    return nullptr;
  }
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
  if (r->key_kind() == "custom") {
    flow::FunctionGraph* g = custom_key_graph(hop, r, true);
    hop.exception_is_here();
    return ops.call_graph(g, {d, k});
  }
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
    Value* v = ops.call_graph(access_graph(hop, r, Access::Get, hop.op.location), {d, k, dflt});
    return ops.convert(v, r->value_repr(), hop.r_result);
  }
  if ((method == "keys" || method == "values" || method == "items") && args.empty()) {
    if (auto* rr = dynamic_cast<ListRepr*>(hop.r_result)) {  // r_dict: new lists
      hop.exception_cannot_occur();
      annotator::IterVariant what = method == "keys"     ? annotator::IterVariant::Keys
                                    : method == "values" ? annotator::IterVariant::Values
                                                         : annotator::IterVariant::Items;
      return dict_to_list(ops, r, d, what, rr);
    }
    return rtype_dict_view(hop, d);
  }
  if ((method == "pop" || method == "setdefault") && (args.size() == 1 || args.size() == 2)) {
    if (method == "setdefault" && args.size() != 2) hop.fail("dict.setdefault() takes two arguments here");
    Value* k = hop.arg(args[0], r->key_repr());
    std::vector<Value*> call{d, k};
    if (args.size() == 2) call.push_back(hop.arg(args[1], r->value_repr()));
    Access kind = method == "setdefault" ? Access::SetDefault : args.size() == 2 ? Access::PopDefault : Access::Pop;
    flow::FunctionGraph* g = access_graph(hop, r, kind, hop.op.location);
    if (kind == Access::Pop || r->key_kind() == "custom") hop.exception_is_here();
    else hop.exception_cannot_occur();
    return ops.convert(ops.call_graph(g, call), r->value_repr(), hop.r_result);
  }
  if (method == "popitem" && args.empty()) {
    auto* tr = dynamic_cast<TupleRepr*>(hop.r_result);
    if (!tr || tr->items().size() != 2) hop.unsupported();
    flow::FunctionGraph* g = popitem_graph(hop.rtyper, r, tr, hop.op.location);
    hop.exception_is_here();
    return ops.call_graph(g, {d});
  }
  if (method == "update" && args.size() == 1) {
    auto* ro = dynamic_cast<DictRepr*>(hop.args_r[args[0]]);
    if (!ro) hop.fail("dict.update() of something that is not a dict");
    Value* other = hop.arg(args[0]);
    flow::FunctionGraph* g = update_graph(hop.rtyper, r, ro, hop.op.location);
    hop.exception_cannot_occur();
    ops.call_graph(g, {d, other});
    return nullptr;
  }
  if (method == "copy" && args.empty()) {
    auto* rr = dynamic_cast<DictRepr*>(hop.r_result);
    if (!rr) hop.unsupported();
    flow::FunctionGraph* g = update_graph(hop.rtyper, rr, r, hop.op.location);
    hop.exception_cannot_occur();
    Value* out = rr->new_dict(ops);
    ops.call_graph(g, {out, d});
    return out;
  }
  if (method == "clear" && args.empty()) {
    hop.exception_cannot_occur();
    ops.call_helper("dict_clear", {d});
    return nullptr;
  }
  hop.fail("dict." + method + "() has no low-level implementation yet");
}

}  // namespace rpp::rtyper
