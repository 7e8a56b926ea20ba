// Low-level types as C++ (DESIGN §3 layout): every lltype gets a C++ type name, and every
// container a definition laid out exactly as rtyper/lltype/memory_layout.h says — checked by
// static_asserts on sizes and field offsets in every unit that uses the type:
//
//   Signed int64_t, Unsigned uint64_t, SignedLongLong long long, UnsignedLongLong unsigned long
//   long, Float double, Bool bool, Char unsigned char, UniChar char32_t, Address char*, Ptr T*
//   struct S       `struct S_S { fields }`; a GcStruct without a GcStruct parent starts with
//                  `rpp::layout::GcHeader hdr`; a parent is the first field, `super`
//   GcArray(T)     `struct { GcHeader hdr; int64_t length; T items[]; }` (Array: no hdr;
//                  nolength: items only)
//   Func(A) -> R   `using F_... = R(A...)` (Void parameters dropped); Ptr(Func) is F_...*
//   opaque         an incomplete struct
//
// The definitions a unit needs are emitted in one global deterministic order (forward
// declarations first, inlined containers before the structs that contain them).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "rtyper/lltype/lltype.h"
#include "translator/genc/c_names.h"

namespace rpp::genc {

class CTypes {
 public:
  // The C++ type of a value of type `t` (Void: "void").
  std::string name(const lltype::LowLevelType* t);
  // The C++ member name of a field of `s`.
  std::string field_name(const std::string& field) const;
  // The C++ member access path from a struct to a field that may live in a parent struct
  // (`super.super.typeptr`); empty when `s` has no such field.
  std::string field_path(const lltype::Struct* s, const std::string& field) const;

  // Declarations and definitions of `used` and every type they refer to, in a deterministic
  // order, with the layout static_asserts.
  std::string definitions(const std::set<const lltype::LowLevelType*>& used);

  // Every container type `t` refers to (itself included), through fields, items, pointers and
  // function signatures.
  void closure(const lltype::LowLevelType* t, std::set<const lltype::LowLevelType*>& out) const;

 private:
  NameTable<const lltype::LowLevelType*> names_;

  std::string definition(const lltype::LowLevelType* t);
  std::string layout_asserts(const lltype::LowLevelType* t);
  void visit_definition_order(const lltype::LowLevelType* t, std::set<const lltype::LowLevelType*>& done,
                              std::vector<const lltype::LowLevelType*>& out,
                              const std::set<const lltype::LowLevelType*>& wanted);
};

// True when a GcStruct has no GcStruct parent (its first field): it holds the GC header.
bool holds_gc_header(const lltype::Struct* s);

}  // namespace rpp::genc
