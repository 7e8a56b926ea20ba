// The runtime's fixed low-level types (runtime_types.h).
#include "rtyper/lltype/runtime_types.h"

namespace rpp::lltype {

RuntimeTypes define_runtime_types(TypeArena& arena) {
  RuntimeTypes t;
  Struct* vtable = arena.declare_struct("object_vtable", false);
  Struct* object = arena.declare_struct("object", true);
  Struct* str = arena.declare_struct("rpy_string", true);
  t.str = arena.define_struct(
      str, {{"hash", &Signed, FieldMutability::Mutable}, {"length", &Signed, FieldMutability::Immutable}});
  const Ptr* str_ptr = arena.ptr(str);
  t.object_vtable = arena.define_struct(
      vtable, {{"subclassrange_min", &Signed, FieldMutability::Immutable},
               {"subclassrange_max", &Signed, FieldMutability::Immutable},
               {"name", str_ptr, FieldMutability::Immutable},
               {"instantiate", arena.ptr(arena.func({}, arena.ptr(object))), FieldMutability::Immutable}});
  t.object = arena.define_struct(object, {{"typeptr", arena.ptr(vtable), FieldMutability::Immutable}});
  t.bytes = arena.make_struct(
      "rpy_bytes", true,
      {{"hash", &Signed, FieldMutability::Mutable},
       {"chars", arena.array(&Char, false, ArrayHints{.immutable = true}), FieldMutability::Mutable}});
  t.builder = arena.make_struct("rpy_builder", true,
                                {{"length", &Signed, FieldMutability::Mutable}, {"buf", str_ptr, FieldMutability::Mutable}});
  t.gcref = arena.opaque("gcref", true);
  t.str_array = arena.array(str_ptr, true);
  t.str_list = arena.make_struct("rpy_str_list", true,
                                 {{"length", &Signed, FieldMutability::Mutable},
                                  {"items", arena.ptr(t.str_array), FieldMutability::Mutable}});
  t.bytes_array = arena.array(arena.ptr(t.bytes), true);
  t.bytes_list = arena.make_struct("rpy_bytes_list", true,
                                   {{"length", &Signed, FieldMutability::Mutable},
                                    {"items", arena.ptr(t.bytes_array), FieldMutability::Mutable}});
  t.dict_indexes = arena.array(&UniChar, true);
  return t;
}

}  // namespace rpp::lltype
