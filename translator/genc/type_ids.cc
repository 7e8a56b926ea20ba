// GC type ids and the type-info table (type_ids.h).
#include "translator/genc/type_ids.h"

namespace rpp::genc {

using namespace lltype;

namespace {

std::string offsets_array(const std::string& name, const std::vector<uint32_t>& offsets) {
  if (offsets.empty()) return "";
  std::string text = "static const uint32_t " + name + "[] = {";
  for (size_t i = 0; i < offsets.size(); ++i) text += (i ? ", " : "") + std::to_string(offsets[i]);
  return text + "};\n";
}

}  // namespace

TypeIds::TypeIds(const RuntimeTypes& rt, std::shared_ptr<gctransform::GcTypeTable> table)
    : rt_(rt), table_(table ? std::move(table) : std::make_shared<gctransform::GcTypeTable>()) {}

uint32_t TypeIds::id(const ContainerType* t) {
  if (t == rt_.str) return layout::kTidStrNarrow;
  return table_->type_id_or_add(t);
}

std::string TypeIds::table_text() const {
  std::string arrays, entries;
  for (uint32_t tid = 0; tid < layout::kFirstGeneratedTid; ++tid)
    entries += "    rpp::gc::runtime_type_info(" + std::to_string(tid) + "),\n";
  for (const gctransform::GcTypeEntry& e : table_->entries()) {
    std::string ptrs_name = "rpp_gc_ptrs_" + std::to_string(e.tid);
    std::string item_ptrs_name = "rpp_item_gc_ptrs_" + std::to_string(e.tid);
    arrays += offsets_array(ptrs_name, e.gc_ptr_offsets) + offsets_array(item_ptrs_name, e.item_gc_ptr_offsets);
    entries += "    {" + std::to_string(e.fixed_size) + ", " + std::to_string(e.flags) + ", " +
               std::to_string(e.item_size) + ", " + std::to_string(e.length_offset) + ", " +
               std::to_string(e.items_offset) + ", " + std::to_string(e.gc_ptr_offsets.size()) + ", " +
               (e.gc_ptr_offsets.empty() ? "nullptr" : ptrs_name) + ", " + std::to_string(e.item_gc_ptr_offsets.size()) +
               ", " + (e.item_gc_ptr_offsets.empty() ? "nullptr" : item_ptrs_name) + "},  // " + e.type->to_string() +
               "\n";
  }
  return arrays + "extern \"C\" const rpp::layout::TypeInfo rpp_type_info_table[] = {\n" + entries + "};\n" +
         "extern \"C\" const uint64_t rpp_type_info_count = " + std::to_string(count()) + ";\n";
}

}  // namespace rpp::genc
