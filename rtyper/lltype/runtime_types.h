// The low-level types whose layout the runtime fixes (runtime/layout.h): the root of the class
// hierarchy and its vtable, strings, bytes, string builders and the opaque `gcref` (any GC
// object). The rtyper builds on them; the helper table's signatures name them.
//
//   struct object_vtable { subclassrange_min: Signed, subclassrange_max: Signed,
//                          name: Ptr(rpy_string), instantiate: Ptr(Func() -> Ptr(object)) }
//   gcstruct object { typeptr: Ptr(object_vtable) }
//   gcstruct rpy_string { hash: Signed, length: Signed immutable }   chars follow at 24,
//                         narrow or wide by type id: read them with str_getitem
//   gcstruct rpy_bytes { hash: Signed, chars: Array(Char, immutable) }
//   gcstruct rpy_builder { length: Signed, buf: Ptr(rpy_string) }
//   gcopaque gcref
#pragma once
#include "rtyper/lltype/type_arena.h"

namespace rpp::lltype {

struct RuntimeTypes {
  const Struct* object_vtable = nullptr;
  const Struct* object = nullptr;
  const Struct* str = nullptr;
  const Struct* bytes = nullptr;
  const Struct* builder = nullptr;
  const OpaqueType* gcref = nullptr;
};

// Defines the runtime types in `arena` (again: returns the same types).
RuntimeTypes define_runtime_types(TypeArena& arena);

}  // namespace rpp::lltype
