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
//   GcArray(Ptr(rpy_string))                          a fixed list of str (kTidStrArray)
//   gcstruct rpy_str_list { length: Signed, items: Ptr(GcArray(Ptr(rpy_string))) }
//                                                     a resizable list of str (kTidStrList)
//   GcArray(Ptr(rpy_bytes)), gcstruct rpy_bytes_list  the same for bytes (kTidBytesArray/List)
//   GcArray(UniChar)                                  a dict's index table (kTidDictIndexes: int32
//                                                     slots; UniChar is the 4-byte primitive)
// Lists of str and of bytes are the runtime's (its helpers make and read them: split, join,
// argv); every other list type is the rtyper's.
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
  const Array* str_array = nullptr;
  const Struct* str_list = nullptr;
  const Array* bytes_array = nullptr;
  const Struct* bytes_list = nullptr;
  const Array* dict_indexes = nullptr;
};

// Defines the runtime types in `arena` (again: returns the same types).
RuntimeTypes define_runtime_types(TypeArena& arena);

}  // namespace rpp::lltype
