// The GC's per-type tables from lltypes (type_info_tables.h).
#include "gc_transform/type_info_tables.h"

#include "rtyper/lltype/memory_layout.h"
#include "runtime/layout.h"

namespace rpp::gctransform {

namespace {

using lltype::LowLevelType;

bool is_gc_container(const LowLevelType* t) {
  return t && t->is_container() && t->is_gc() && t->kind() != lltype::TypeKind::Opaque && t->kind() != lltype::TypeKind::Func;
}

// Offsets of the GC pointers of a value of type `t` stored at `base` (a field, an item, or an
// inlined struct); an inlined var-sized array contributes nothing here (its items are traced
// by item offsets).
void collect_gc_pointers(const LowLevelType* t, size_t base, std::vector<uint32_t>& out) {
  if (t->kind() == lltype::TypeKind::Ptr) {
    if (t->is_gc()) out.push_back(uint32_t(base));
    return;
  }
  auto* s = lltype::as<lltype::Struct>(t);
  if (!s) return;
  for (const lltype::StructField& f : s->fields()) {
    if (f.type->kind() == lltype::TypeKind::Array) continue;
    collect_gc_pointers(f.type, base + lltype::field_offset(s, f.name), out);
  }
}

// The runtime's own GC types keep the ids of layout.h.
uint32_t runtime_type_id(const lltype::ContainerType* type) {
  // The runtime's lists of str and of bytes (rtyper/lltype/runtime_types.h): arrays of them by
  // their item type, lists by name.
  if (auto* a = lltype::as<lltype::Array>(type)) {
    auto* item = a->item()->kind() == lltype::TypeKind::Ptr
                     ? lltype::as<lltype::Struct>(static_cast<const lltype::Ptr*>(a->item())->to())
                     : nullptr;
    if (item && item->name() == "rpy_string") return layout::kTidStrArray;
    if (item && item->name() == "rpy_bytes") return layout::kTidBytesArray;
    // A dict's index table: GcArray(UniChar), the runtime's int32 slots.
    if (a->is_gc() && a->item() == &lltype::UniChar) return layout::kTidDictIndexes;
    return 0;
  }
  auto* s = lltype::as<lltype::Struct>(type);
  if (!s) return 0;
  if (s->name() == "rpy_string") return layout::kTidStrNarrow;
  if (s->name() == "rpy_bytes") return layout::kTidBytes;
  if (s->name() == "rpy_builder") return layout::kTidStrBuilder;
  if (s->name() == "rpy_str_list") return layout::kTidStrList;
  if (s->name() == "rpy_bytes_list") return layout::kTidBytesList;
  return 0;
}

std::string offsets_text(const std::vector<uint32_t>& offsets) {
  std::string text = "[";
  for (size_t i = 0; i < offsets.size(); ++i) text += (i ? ", " : "") + std::to_string(offsets[i]);
  return text + "]";
}

}  // namespace

GcTypeTable::GcTypeTable(const lltype::TypeArena& types, const std::vector<flow::FunctionGraph*>& graphs) {
  for (const lltype::ContainerType* t : types.named_types()) add(t);
  for (flow::FunctionGraph* g : graphs)
    for (flow::Block* b : g->iterblocks()) {
      for (flow::Variable* v : b->inputargs)
        if (v->concretetype) add_pointees(v->concretetype);
      for (const flow::Operation& op : b->operations) {
        for (const flow::Value* a : op.args)
          if (a->concretetype) add_pointees(a->concretetype);
        if (op.result->concretetype) add_pointees(op.result->concretetype);
      }
    }
}

void GcTypeTable::add_pointees(const LowLevelType* type) {
  if (type->kind() == lltype::TypeKind::Ptr) {
    add(static_cast<const lltype::Ptr*>(type)->to());
    return;
  }
  if (auto* s = lltype::as<lltype::Struct>(type))
    for (const lltype::StructField& f : s->fields()) add_pointees(f.type);
  if (auto* a = lltype::as<lltype::Array>(type)) add_pointees(a->item());
}

void GcTypeTable::add(const lltype::ContainerType* type) {
  if (!is_gc_container(type) || ids_.count(type) || runtime_type_id(type)) return;
  if (auto* s = lltype::as<lltype::Struct>(type); s && !s->defined()) return;
  GcTypeEntry e;
  e.tid = layout::kFirstGeneratedTid + uint32_t(entries_.size());
  e.type = type;
  ids_[type] = e.tid;
  auto* s = lltype::as<lltype::Struct>(type);
  if (s) collect_gc_pointers(s, 0, e.gc_ptr_offsets);
  bool varsize = s ? s->is_varsize() : true;
  if (varsize) {
    lltype::VarsizeLayout v = lltype::varsize_layout(type);
    e.flags |= layout::kTypeInfoVarsize;
    e.item_size = uint32_t(v.item_size);
    e.length_offset = uint32_t(v.length_offset);
    e.items_offset = uint32_t(v.items_offset);
    e.fixed_size = uint32_t(v.items_offset);
    collect_gc_pointers(v.array->item(), 0, e.item_gc_ptr_offsets);
    if (!e.item_gc_ptr_offsets.empty()) e.flags |= layout::kTypeInfoItemsHaveGcPtrs;
  } else {
    e.fixed_size = uint32_t(lltype::allocation_size(type));
  }
  if (s) {
    auto* object = lltype::as<lltype::Struct>(type);
    for (const lltype::Struct* p = object; p; p = p->parent())
      if (p->name() == "object") e.flags |= layout::kTypeInfoHasVtable;
  }
  entries_.push_back(std::move(e));
  // The GC types its fields and items point to come next.
  add_pointees(type);
}

uint32_t GcTypeTable::type_id_or_add(const lltype::ContainerType* type) {
  if (uint32_t id = type_id(type)) return id;
  add(type);
  return type_id(type);
}

uint32_t GcTypeTable::type_id(const lltype::ContainerType* type) const {
  if (uint32_t id = runtime_type_id(type)) return id;
  auto it = ids_.find(type);
  return it == ids_.end() ? 0 : it->second;
}

std::string GcTypeTable::dump() const {
  std::string out;
  for (const GcTypeEntry& e : entries_) {
    out += "tid " + std::to_string(e.tid) + " " + e.type->to_string() + ": size " + std::to_string(e.fixed_size);
    if (e.flags & layout::kTypeInfoHasVtable) out += ", vtable";
    out += ", gc ptrs " + offsets_text(e.gc_ptr_offsets);
    if (e.flags & layout::kTypeInfoVarsize)
      out += ", varsize: length at " + std::to_string(e.length_offset) + ", items at " + std::to_string(e.items_offset) +
             ", item size " + std::to_string(e.item_size) + ", item gc ptrs " + offsets_text(e.item_gc_ptr_offsets);
    out += "\n";
  }
  return out;
}

}  // namespace rpp::gctransform
