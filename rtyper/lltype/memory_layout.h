// Where low-level types live in memory, by the layout contract of runtime/layout.h: the size and
// alignment of every type, the byte offset of every struct field, and the shape of var-sized
// containers. The ll interpreter reads and writes objects at these offsets, and genc's C++
// structs must agree with them (it can static_assert offsetof against them).
//
//   primitives   Signed Unsigned SignedLongLong UnsignedLongLong Float Address: 8 bytes;
//                Bool Char: 1; UniChar: 4; Void: 0; a Ptr: 8
//   GcStruct     the 8-byte GC header at 0; a parent GcStruct (the first field) is inlined at
//                offset 0 (its header is the object's), other fields follow in C layout
//                (natural alignment); the size is rounded up to the struct's alignment
//   Struct       C layout from offset 0
//   GcArray      header, length at 8, items at 16; a raw Array: length at 0, items at 8
//                (`nolength`: items at 0)
//   an Array inlined as the last field of a struct at offset F: length at F, items at F + 8
//   allocation   GC objects are rounded up to 8 bytes and never smaller than 16; an array of
//                Char keeps one zero byte after its last item (as a narrow str)
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "rtyper/lltype/lltype.h"

namespace rpp::lltype {

// Bytes of a value of type `t` stored in a field or item (Void: 0). For a container: its fixed
// part (a GC container's header included; a var-sized one without its items).
size_t size_of(const LowLevelType* t);
size_t align_of(const LowLevelType* t);

// The byte offset of a field of `s` (from the start of the object, header included for a
// GcStruct). Throws TypeError when `s` has no such field.
size_t field_offset(const Struct* s, const std::string& field);

// The variable part of a var-sized container (a GcArray, an Array, or a struct whose last field
// is an inlined Array, directly or in a nested struct).
struct VarsizeLayout {
  const Array* array = nullptr;  // the array type
  size_t length_offset = 0;      // where the length word is (none for `nolength`)
  size_t items_offset = 0;       // offset of item 0
  size_t item_size = 0;          // bytes per item
  bool has_length = true;
};
// Throws TypeError when `t` is not var-sized.
VarsizeLayout varsize_layout(const ContainerType* t);

// Bytes to allocate for one object of type `t` (with `length` items when var-sized), header
// included, rounded as the layout contract says for GC objects.
size_t allocation_size(const ContainerType* t, int64_t length = 0);

}  // namespace rpp::lltype
