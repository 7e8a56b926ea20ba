// Name lookups of the text form.
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

TraceNamespace::TraceNamespace() {
  type_table_.resize(layout::kFirstGeneratedTid, layout::TypeInfo{});
  auto str_info = [](uint32_t item_size) {
    layout::TypeInfo info{};
    info.fixed_size = layout::kStrCharsOffset;
    info.flags = layout::kTypeInfoVarsize | layout::kTypeInfoIsString;
    info.item_size = item_size;
    info.length_offset = layout::kStrLengthOffset;
    info.items_offset = layout::kStrCharsOffset;
    return info;
  };
  type_table_[layout::kTidStrNarrow] = str_info(1);
  type_table_[layout::kTidStrWide] = str_info(4);
  type_table_[layout::kTidBytes] = str_info(1);
}

uint32_t TraceNamespace::add_type(const layout::TypeInfo& info, std::vector<uint32_t> gc_ptr_offsets,
                                  std::vector<uint32_t> item_gc_ptr_offsets) {
  layout::TypeInfo stored = info;
  auto keep = [&](std::vector<uint32_t>& offsets, uint32_t& count, const uint32_t*& ptr) {
    count = static_cast<uint32_t>(offsets.size());
    offset_arrays_.push_back(std::make_unique<std::vector<uint32_t>>(std::move(offsets)));
    ptr = offset_arrays_.back()->data();
  };
  keep(gc_ptr_offsets, stored.gc_ptr_count, stored.gc_ptr_offsets);
  keep(item_gc_ptr_offsets, stored.item_gc_ptr_count, stored.item_gc_ptr_offsets);
  type_table_.push_back(stored);
  return static_cast<uint32_t>(type_table_.size() - 1);
}

layout::ClassVtable* TraceNamespace::add_class(const std::string& name) {
  auto vt = std::make_unique<layout::ClassVtable>();
  int64_t id = static_cast<int64_t>(vtables_.size()) + 1;
  vt->subclassrange_min = id;
  vt->subclassrange_max = id + 1;
  vt->name = nullptr;
  vt->instantiate = nullptr;
  layout::ClassVtable* raw = vt.get();
  vtables_.push_back(std::move(vt));
  add_symbol(name, reinterpret_cast<Word>(raw));
  return raw;
}

Descr* TraceNamespace::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

void TraceNamespace::add_symbol(const std::string& name, Word address) {
  symbols_[name] = address;
  symbol_names_[address] = name;
}

void TraceNamespace::add_object(const std::string& name, Word address) {
  objects_[name] = address;
  object_names_[address] = name;
}

const Word* TraceNamespace::find_symbol(std::string_view name) const {
  auto it = symbols_.find(name);
  return it == symbols_.end() ? nullptr : &it->second;
}

const Word* TraceNamespace::find_object(std::string_view name) const {
  auto it = objects_.find(name);
  return it == objects_.end() ? nullptr : &it->second;
}

const std::string* TraceNamespace::symbol_name(Word address) const {
  auto it = symbol_names_.find(address);
  return it == symbol_names_.end() ? nullptr : &it->second;
}

const std::string* TraceNamespace::object_name(Word address) const {
  auto it = object_names_.find(address);
  return it == object_names_.end() ? nullptr : &it->second;
}

}  // namespace rpp::jit
