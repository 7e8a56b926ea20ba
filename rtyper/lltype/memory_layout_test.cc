// Unit tests of memory_layout.h against the layout contract of runtime/layout.h.
#include <doctest/doctest.h>

#include "rtyper/lltype/memory_layout.h"
#include "rtyper/lltype/runtime_types.h"
#include "runtime/layout.h"

using namespace rpp::lltype;
namespace layout = rpp::layout;

TEST_CASE("the runtime types sit where layout.h says") {
  TypeArena arena;
  RuntimeTypes rt = define_runtime_types(arena);
  CHECK(field_offset(rt.object, "typeptr") == layout::kTypeptrOffset);
  CHECK(field_offset(rt.str, "hash") == layout::kStrHashOffset);
  CHECK(field_offset(rt.str, "length") == layout::kStrLengthOffset);
  CHECK(size_of(rt.str) == layout::kStrCharsOffset);
  CHECK(field_offset(rt.object_vtable, "subclassrange_min") == layout::kVtableSubclassrangeMinOffset);
  CHECK(field_offset(rt.object_vtable, "subclassrange_max") == layout::kVtableSubclassrangeMaxOffset);
  CHECK(field_offset(rt.object_vtable, "name") == layout::kVtableNameOffset);
  CHECK(field_offset(rt.object_vtable, "instantiate") == layout::kVtableInstantiateOffset);
  VarsizeLayout bytes = varsize_layout(rt.bytes);
  CHECK(bytes.length_offset == layout::kStrLengthOffset);
  CHECK(bytes.items_offset == layout::kStrCharsOffset);
  CHECK(bytes.item_size == 1);
  // One zero byte after the last char: 24 + 5 + 1 = 30, rounded to 32.
  CHECK(allocation_size(rt.bytes, 5) == 32);
  CHECK(allocation_size(rt.bytes, 7) == 32);
  CHECK(allocation_size(rt.bytes, 8) == 40);
}

TEST_CASE("a subclass keeps its parent's offsets; C layout after them") {
  TypeArena arena;
  RuntimeTypes rt = define_runtime_types(arena);
  const Struct* base = arena.make_struct("Base", true, {{"super", rt.object}, {"flag", &Bool}});
  const Struct* sub = arena.make_struct("Sub", true, {{"super", base}, {"c", &Char}, {"x", &Float}, {"u", &UniChar}});
  CHECK(field_offset(base, "super") == 0);
  CHECK(field_offset(base, "flag") == 16);
  CHECK(size_of(base) == 24);
  CHECK(field_offset(sub, "super") == 0);
  CHECK(field_offset(sub, "c") == 24);
  CHECK(field_offset(sub, "x") == 32);
  CHECK(field_offset(sub, "u") == 40);
  CHECK(size_of(sub) == 48);
  CHECK(allocation_size(rt.object) == 16);
}

TEST_CASE("arrays: GcArray, raw arrays, arrays of structs, inlined arrays") {
  TypeArena arena;
  auto* gca = arena.array(&Signed, true);
  VarsizeLayout v = varsize_layout(gca);
  CHECK(v.length_offset == layout::kArrayLengthOffset);
  CHECK(v.items_offset == layout::kArrayItemsOffset);
  CHECK(v.item_size == 8);
  CHECK(allocation_size(gca, 3) == 40);
  CHECK(allocation_size(gca, 0) == 16);
  const Struct* entry = arena.make_struct("Entry", false, {{"key", &Signed}, {"flag", &Bool}});
  CHECK(size_of(entry) == 16);
  auto* entries = arena.array(entry, true);
  CHECK(varsize_layout(entries).item_size == 16);
  auto* raw = arena.array(&UniChar, false);
  CHECK(varsize_layout(raw).length_offset == 0);
  CHECK(varsize_layout(raw).items_offset == 8);
  CHECK(varsize_layout(raw).item_size == 4);
  const Struct* buf = arena.make_struct("Buf", true, {{"n", &Bool}, {"items", arena.array(&Float, false)}});
  VarsizeLayout b = varsize_layout(buf);
  CHECK(b.length_offset == 16);
  CHECK(b.items_offset == 24);
  CHECK(allocation_size(buf, 2) == 40);
}
