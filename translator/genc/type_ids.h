// GC type ids and the type-info table (runtime/layout.h, docs/gc-interface.md) as C++ emission
// sees them. The ids are the GC transform's (gc_transform/type_info_tables.h, made by the gc
// stage): the runtime's fixed ids (str 1/2, bytes 3, builders 5, dict index tables 7, the
// runtime's lists of str and bytes 8-11), then every other GC container from kFirstGeneratedTid
// in the table's deterministic order; a type only static data uses is numbered after them on
// first use. The table's entries 0..15 are rpp::gc::runtime_type_info(tid).
#pragma once
#include <memory>
#include <string>

#include "gc_transform/type_info_tables.h"
#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/runtime_types.h"
#include "runtime/layout.h"

namespace rpp::genc {

class TypeIds {
 public:
  // `table`: the gc stage's table; nullptr: an empty one (types numbered in order of first use).
  explicit TypeIds(const lltype::RuntimeTypes& rt, std::shared_ptr<gctransform::GcTypeTable> table = nullptr);
  // The type id of a GC container (numbered on first use when the table lacks it). For str: the
  // narrow id.
  uint32_t id(const lltype::ContainerType* t);
  // The C++ text of the type-info table `rpp_type_info_table` and its count
  // `rpp_type_info_count` (every id numbered so far).
  std::string table_text() const;
  uint32_t count() const { return table_->count(); }

 private:
  lltype::RuntimeTypes rt_;
  std::shared_ptr<gctransform::GcTypeTable> table_;
};

}  // namespace rpp::genc
