// Dicts (RPython's rdict, on the runtime's ordered dicts of runtime/rlib/dict.cc): a dict is
// Ptr(GcStruct dict_K_V { num_items, num_ever_used, indexes: Ptr(GcArray(UniChar)) (int32 slots), entries:
// Ptr(GcArray(dictentry_K_V { hash: Signed, key: KEY, value: VALUE })) }) — the field order of
// runtime/layout.h "Dicts". KEY is Signed for integer-like keys (ints, chars, bools), Ptr(rpy_string)
// for str keys (hash from $str_hash), Ptr(rpy_bytes) for bytes keys ($bytes_hash, the str helpers), the instance pointer for identity keys. The runtime
// finds and inserts (`$dict_lookup_*`, `$dict_insert_*` return the entry index); the rtyper
// reads and writes the entry's value with interior-field operations.
#pragma once
#include <map>

#include <pybind11/pybind11.h>

#include "annotator/some_value.h"
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class DictRepr final : public Repr {
 public:
  // `eq_fn` / `hash_fn`: an r_dict's functions (their annotations), else null.
  DictRepr(RTyper& rtyper, Repr* key, Repr* value, annotator::SomeRef eq_fn = nullptr,
           annotator::SomeRef hash_fn = nullptr);
  Repr* key_repr() const { return key_; }
  Repr* value_repr() const { return value_; }
  const lltype::Struct* dict_struct() const { return struct_; }
  const lltype::Struct* entry_struct() const { return entry_; }
  const lltype::Array* entries_array() const { return entries_; }
  // The suffix of this dict's helper graphs: its type, and for an r_dict its functions.
  std::string helper_suffix() const;
  bool is_r_dict() const { return eq_fn_ != nullptr; }
  // "int", "str", "ref" or "custom" (tuple keys, r_dict: hash computed here, eq a graph the
  // runtime calls): which $dict_lookup_* / $dict_insert_* helpers.
  const std::string& key_kind() const { return key_kind_; }
  const lltype::LowLevelType* stored_key_type() const { return stored_key_; }

  // A prebuilt dict (a module-level dict constant) as static data: its entries in insertion
  // order and an index table built with the runtime's hash and probe (runtime/rlib/dict_index.h).
  // Memoized by object: the same dict is one static object everywhere.
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

  // A new empty dict.
  flow::Value* new_dict(LowLevelOps& ops);
  // The key as the runtime stores it (Signed for chars/bools).
  flow::Value* stored_key(LowLevelOps& ops, flow::Value* key);
  // The entry index of key (-1: absent), and the entry for key (added when absent).
  flow::Value* lookup(LowLevelOps& ops, flow::Value* d, flow::Value* key);
  flow::Value* insert(LowLevelOps& ops, flow::Value* d, flow::Value* key);
  flow::Value* entries(LowLevelOps& ops, flow::Value* d);
  // The key (in the key repr) and the value of entry e of an entries array.
  flow::Value* entry_key(LowLevelOps& ops, flow::Value* entries, flow::Value* e);
  flow::Value* entry_value(LowLevelOps& ops, flow::Value* entries, flow::Value* e);
  // A custom key's hash (Signed), and the graph `(Ptr(gcref), Ptr(gcref)) -> Bool` comparing
  // two keys that the runtime calls.
  flow::Value* custom_hash(LowLevelOps& ops, flow::Value* key);
  flow::FunctionGraph* custom_eq_graph(RTyper& rtyper, const flow::SourceLocation& loc);

 private:
  Repr* key_;
  Repr* value_;
  std::string key_kind_;
  const lltype::LowLevelType* stored_key_ = nullptr;
  const lltype::Struct* struct_ = nullptr;
  const lltype::Struct* entry_ = nullptr;
  const lltype::Array* entries_ = nullptr;
  std::map<uint32_t, flow::ConstValue> prebuilt_;
  annotator::SomeRef eq_fn_, hash_fn_;
  // The graph an r_dict function annotation calls.
  flow::FunctionGraph* rdict_graph(const annotator::SomeRef& fn, const char* what) const;
  // A str or bytes key as $dict_*_str take it (bytes cast to the narrow str layout), its hash.
  flow::Value* text_key(LowLevelOps& ops, flow::Value* key) const;
  flow::Value* text_hash(LowLevelOps& ops, flow::Value* key) const;
  // The hash the runtime stores for a converted (low-level) key.
  int64_t stored_hash_of(const flow::ConstValue& key) const;
  // The same for a custom key, from the Python key: a tuple's ll_tuple_hash_T computed here, an
  // r_dict's hash function called in CPython (its result wrapped to 64 bits, as translated).
  int64_t custom_hash_of(RTyper& rtyper, pybind11::handle key) const;
};

flow::Value* rtype_newdict(Hop& hop);
flow::Value* rtype_dict_getitem(Hop& hop);
flow::Value* rtype_dict_setitem(Hop& hop);
flow::Value* rtype_dict_delitem(Hop& hop);
flow::Value* rtype_dict_contains(Hop& hop);
flow::Value* rtype_dict_len(Hop& hop);
flow::Value* rtype_dict_method(Hop& hop, const std::string& method, const std::vector<size_t>& args);
class ListRepr;
// A new list (of repr `rr`) of the keys, values or (key, value) items of dict `d`, in order.
flow::Value* dict_to_list(LowLevelOps& ops, DictRepr* r, flow::Value* d, annotator::IterVariant what, ListRepr* rr);
// dict() / dict(d): a new dict of the result's repr (a copy of d, in its order).
flow::Value* rtype_dict_call(Hop& hop, const std::vector<size_t>& args);
// r_dict(eq, hash) / r_ordereddict(eq, hash): a new empty dict of the result's repr.
flow::Value* rtype_new_r_dict(Hop& hop);

}  // namespace rpp::rtyper
