// The GC's per-type tables (docs/gc.md, "Type information"): a type id for every GC type of a
// module and its layout::TypeInfo contents — sizes, where the length and items are, and the byte
// offsets of GC pointers in the fixed part and in one item — computed from the lltypes by the
// layout contract (rtyper/lltype/memory_layout.h). The runtime's own types keep their fixed ids
// (rpy_string: 1, rpy_bytes: 3, rpy_builder: 5); every other GcStruct and GcArray gets an id from
// layout::kFirstGeneratedTid up: named types in declaration order, then the GC types their fields
// point to, then the ones graphs use, each in first-seen order. C++ emission turns the entries
// into the static `TypeInfo` table (offset arrays as `static const uint32_t[]`).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/type_arena.h"
#include "runtime/layout.h"
#include "translator/flow/model.h"

namespace rpp::gctransform {

struct GcTypeEntry {
  uint32_t tid = 0;
  const lltype::ContainerType* type = nullptr;
  uint32_t fixed_size = 0;  // header included; for varsize types: up to item 0
  uint32_t flags = 0;       // layout::TypeInfoFlag bits
  uint32_t item_size = 0;
  uint32_t length_offset = 0;
  uint32_t items_offset = 0;
  std::vector<uint32_t> gc_ptr_offsets;
  std::vector<uint32_t> item_gc_ptr_offsets;
};

class GcTypeTable {
 public:
  // An empty table (types are numbered as type_id_or_add meets them).
  GcTypeTable() = default;
  // The table of every GC type declared in `types` or used by `graphs`.
  GcTypeTable(const lltype::TypeArena& types, const std::vector<flow::FunctionGraph*>& graphs);

  // The entries of generated types, by type id.
  const std::vector<GcTypeEntry>& entries() const { return entries_; }
  // The type id of a GC container (runtime ids for the runtime's types); 0 if unknown.
  uint32_t type_id(const lltype::ContainerType* type) const;
  // The type id of a GC container, numbering it after the others when it is new (C++ emission
  // asks for the types of static data the graphs never name); 0 for a non-GC container.
  uint32_t type_id_or_add(const lltype::ContainerType* type);
  // The count of type ids: kFirstGeneratedTid + the generated entries.
  uint32_t count() const { return uint32_t(layout::kFirstGeneratedTid + entries_.size()); }
  // One line per generated type: `tid 16 Node: size 24, gc ptrs [8]` ...
  std::string dump() const;

 private:
  void add(const lltype::ContainerType* type);
  void add_pointees(const lltype::LowLevelType* type);

  std::vector<GcTypeEntry> entries_;
  std::map<const lltype::ContainerType*, uint32_t> ids_;
};

}  // namespace rpp::gctransform
