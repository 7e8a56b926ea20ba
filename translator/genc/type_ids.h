// GC type ids and the type-info table (runtime/layout.h, docs/gc-interface.md). Until the GC
// transform exists, genc numbers the GC types itself: the runtime's fixed ids first (str 1/2,
// bytes 3, builders 5, the runtime's lists of str and bytes 8-11, recognized by their shape),
// then every other GC container from kFirstGeneratedTid in the order the program first uses it
// (deterministic). The table's entries 0..15 are rpp::gc::runtime_type_info(tid).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/runtime_types.h"
#include "runtime/layout.h"

namespace rpp::genc {

class CTypes;

class TypeIds {
 public:
  explicit TypeIds(const lltype::RuntimeTypes& rt) : rt_(rt) {}
  // The type id of a GC container (numbered on first use). For str: the narrow id.
  uint32_t id(const lltype::ContainerType* t);
  // The C++ text of the type-info table `rpp_type_info_table` and its count
  // `rpp_type_info_count` (every id numbered so far).
  std::string table_text() const;
  uint32_t count() const { return uint32_t(layout::kFirstGeneratedTid + generated_.size()); }

 private:
  lltype::RuntimeTypes rt_;
  std::map<const lltype::ContainerType*, uint32_t> ids_;
  std::vector<const lltype::ContainerType*> generated_;

  int fixed_id(const lltype::ContainerType* t) const;
};

}  // namespace rpp::genc
