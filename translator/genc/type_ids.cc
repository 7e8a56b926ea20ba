// GC type ids and the type-info table (type_ids.h).
#include "translator/genc/type_ids.h"

#include "rtyper/lltype/memory_layout.h"

namespace rpp::genc {

using namespace lltype;

namespace {

bool is_ptr_to(const LowLevelType* t, const ContainerType* target) {
  auto* p = as<Ptr>(t);
  return p && p->to() == target;
}

// GcArray(Ptr(item)).
bool is_array_of(const ContainerType* t, const ContainerType* item) {
  auto* a = as<Array>(t);
  return a && a->is_gc() && is_ptr_to(a->item(), item);
}

// A resizable list {length: Signed, items: Ptr(GcArray(Ptr(item)))}.
bool is_list_of(const ContainerType* t, const ContainerType* item) {
  auto* s = as<Struct>(t);
  if (!s || !s->is_gc() || s->fields().size() != 2) return false;
  auto* items = as<Ptr>(s->fields()[1].type);
  return s->fields()[0].type == &Signed && items && is_array_of(items->to(), item);
}

// Offsets of the GC pointers inside a value of type `t` stored at `base`.
void gc_pointer_offsets(const LowLevelType* t, size_t base, std::vector<uint32_t>& out) {
  if (auto* p = as<Ptr>(t)) {
    if (p->is_gc()) out.push_back(uint32_t(base));
    return;
  }
  if (auto* s = as<Struct>(t)) {
    for (const StructField& f : s->fields()) {
      if (as<Array>(f.type)) continue;  // the var-sized part: described by the items
      gc_pointer_offsets(f.type, base + field_offset(s, f.name), out);
    }
  }
}

std::string offsets_array(const std::string& name, const std::vector<uint32_t>& offsets) {
  if (offsets.empty()) return "";
  std::string text = "static const uint32_t " + name + "[] = {";
  for (size_t i = 0; i < offsets.size(); ++i) text += (i ? ", " : "") + std::to_string(offsets[i]);
  return text + "};\n";
}

}  // namespace

int TypeIds::fixed_id(const ContainerType* t) const {
  if (t == rt_.str) return int(layout::kTidStrNarrow);
  if (t == rt_.bytes) return int(layout::kTidBytes);
  if (t == rt_.builder) return int(layout::kTidStrBuilder);
  if (is_array_of(t, rt_.str)) return int(layout::kTidStrArray);
  if (is_list_of(t, rt_.str)) return int(layout::kTidStrList);
  if (is_array_of(t, rt_.bytes)) return int(layout::kTidBytesArray);
  if (is_list_of(t, rt_.bytes)) return int(layout::kTidBytesList);
  if (t == rt_.dict_indexes) return int(layout::kTidDictIndexes);
  return -1;
}

uint32_t TypeIds::id(const ContainerType* t) {
  auto it = ids_.find(t);
  if (it != ids_.end()) return it->second;
  int fixed = fixed_id(t);
  uint32_t id = fixed >= 0 ? uint32_t(fixed) : uint32_t(layout::kFirstGeneratedTid + generated_.size());
  if (fixed < 0) generated_.push_back(t);
  ids_[t] = id;
  return id;
}

std::string TypeIds::table_text() const {
  std::string arrays, entries;
  for (uint32_t tid = 0; tid < layout::kFirstGeneratedTid; ++tid)
    entries += "    rpp::gc::runtime_type_info(" + std::to_string(tid) + "),\n";
  for (size_t i = 0; i < generated_.size(); ++i) {
    const ContainerType* t = generated_[i];
    uint32_t tid = uint32_t(layout::kFirstGeneratedTid + i);
    std::vector<uint32_t> fixed_ptrs, item_ptrs;
    uint32_t flags = 0, item_size = 0, length_offset = 0, items_offset = 0;
    size_t fixed_size = size_of(t);
    if (auto* s = as<Struct>(t)) {
      gc_pointer_offsets(s, 0, fixed_ptrs);
      if (s->parent() || (s->fields().size() && s->fields()[0].name == "typeptr")) {
        const Struct* root = s;
        while (root->parent()) root = root->parent();
        if (root->name() == "object") flags |= layout::kTypeInfoHasVtable;
      }
    }
    bool varsize = (as<Array>(t) != nullptr) || (as<Struct>(t) && as<Struct>(t)->is_varsize());
    if (varsize) {
      VarsizeLayout v = varsize_layout(t);
      flags |= layout::kTypeInfoVarsize;
      item_size = uint32_t(v.item_size);
      length_offset = uint32_t(v.length_offset);
      items_offset = uint32_t(v.items_offset);
      fixed_size = v.items_offset;
      gc_pointer_offsets(v.array->item(), 0, item_ptrs);
      if (!item_ptrs.empty()) flags |= layout::kTypeInfoItemsHaveGcPtrs;
    }
    std::string ptrs_name = "rpp_gc_ptrs_" + std::to_string(tid);
    std::string item_ptrs_name = "rpp_item_gc_ptrs_" + std::to_string(tid);
    arrays += offsets_array(ptrs_name, fixed_ptrs) + offsets_array(item_ptrs_name, item_ptrs);
    entries += "    {" + std::to_string(fixed_size) + ", " + std::to_string(flags) + ", " + std::to_string(item_size) +
               ", " + std::to_string(length_offset) + ", " + std::to_string(items_offset) + ", " +
               std::to_string(fixed_ptrs.size()) + ", " + (fixed_ptrs.empty() ? "nullptr" : ptrs_name) + ", " +
               std::to_string(item_ptrs.size()) + ", " + (item_ptrs.empty() ? "nullptr" : item_ptrs_name) + "},  // " +
               t->to_string() + "\n";
  }
  return arrays + "extern \"C\" const rpp::layout::TypeInfo rpp_type_info_table[] = {\n" + entries + "};\n" +
         "extern \"C\" const uint64_t rpp_type_info_count = " + std::to_string(count()) + ";\n";
}

}  // namespace rpp::genc
