// Unit tests of low-level types: interning, struct rules, inheritance, hints, symbolics.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/symbolic.h"
#include "rtyper/lltype/type_arena.h"

using namespace rpp::lltype;

TEST_CASE("equal types are one object") {
  TypeArena arena;
  CHECK(arena.array(&Signed, true) == arena.array(&Signed, true));
  CHECK(arena.array(&Signed, true) != arena.array(&Signed, false));
  CHECK(arena.array(&Char, false, {.immutable = true}) != arena.array(&Char, false));
  auto* a = arena.array(&Float, true);
  CHECK(arena.ptr(a) == arena.ptr(arena.array(&Float, true)));
  CHECK(arena.func({&Signed, &Float}, &Bool) == arena.func({&Signed, &Float}, &Bool));
  CHECK(arena.func({&Signed}, &Bool) != arena.func({&Signed, &Signed}, &Bool));
  CHECK(arena.opaque("gcref", true) == arena.opaque("gcref", true));
  CHECK(primitive_named("Signed") == &Signed);
  CHECK(primitive_named("Node") == nullptr);
}

TEST_CASE("structs are nominal; a recursive struct through a Ptr") {
  TypeArena arena;
  Struct* node = arena.declare_struct("Node", true);
  const Ptr* node_ptr = arena.ptr(node);
  arena.define_struct(node, {{"next", node_ptr}, {"value", &Signed}});
  CHECK(arena.declare_struct("Node", true) == node);
  CHECK(arena.make_struct("Node", true, {{"next", node_ptr}, {"value", &Signed}}) == node);
  CHECK_THROWS_AS(arena.make_struct("Node", true, {{"value", &Signed}}), TypeError);
  CHECK_THROWS_AS(arena.declare_struct("Node", false), TypeError);
  CHECK_THROWS_AS(arena.opaque("Node", true), TypeError);
  CHECK(node->to_string() == "Node");
  CHECK(node_ptr->to_string() == "Ptr(Node)");
  CHECK(node_ptr->is_gc());
  CHECK(arena.named_types().size() == 1);
}

TEST_CASE("inheritance by first-field nesting; cast_pointer rules") {
  TypeArena arena;
  auto rt = define_runtime_types(arena);
  auto* base = arena.make_struct("Base", true, {{"super", rt.object}, {"x", &Signed}});
  auto* sub = arena.make_struct("Sub", true, {{"super", base}, {"y", &Float}});
  auto* other = arena.make_struct("Other", true, {{"super", rt.object}});
  CHECK(sub->parent() == base);
  CHECK(sub->inherits_from(rt.object));
  CHECK(!base->inherits_from(sub));
  CHECK(castable(arena.ptr(sub), arena.ptr(rt.object)));
  CHECK(castable(arena.ptr(rt.object), arena.ptr(sub)));
  CHECK(!castable(arena.ptr(sub), arena.ptr(other)));
  CHECK_THROWS_WITH_AS(arena.make_struct("Bad", true, {{"x", &Signed}, {"super", base}}),
                       doctest::Contains("only be inlined as the first field"), TypeError);
  CHECK_THROWS_AS(arena.make_struct("Bad2", false, {{"super", base}}), TypeError);
}

TEST_CASE("var-sized structs, arrays and their rules") {
  TypeArena arena;
  auto* chars = arena.array(&Char, false);
  auto* str = arena.make_struct("S", true, {{"hash", &Signed}, {"chars", chars}});
  CHECK(str->is_varsize());
  CHECK(str->varsize_array() == chars);
  CHECK_THROWS_AS(arena.make_struct("T", true, {{"chars", chars}, {"hash", &Signed}}), TypeError);
  CHECK_THROWS_AS(arena.make_struct("U", true, {{"items", arena.array(&Signed, true)}}), TypeError);
  CHECK_THROWS_AS(arena.array(str, false), TypeError);
  CHECK_THROWS_AS(arena.array(&Signed, true, {.nolength = true}), TypeError);
  auto* entry = arena.make_struct("Entry", false, {{"key", &Signed}, {"value", &Float}});
  CHECK(arena.array(entry, true)->to_string() == "GcArray(Entry)");
  CHECK(arena.array(&Char, false, {.immutable = true})->to_string() == "Array(Char, immutable)");
  CHECK(arena.func({&Signed}, arena.ptr(str))->to_string() == "Func(Signed) -> Ptr(S)");
  CHECK_THROWS_AS(arena.make_struct("V", true, {{"x", &Signed}, {"x", &Float}}), TypeError);
}

TEST_CASE("hints: immutable, quasi-immutable, virtualizable") {
  TypeArena arena;
  auto* items = arena.ptr(arena.array(&Signed, true));
  auto* frame = arena.make_struct(
      "Frame", true,
      {{"pc", &Signed, FieldMutability::Mutable},
       {"code", &Signed, FieldMutability::Immutable},
       {"version", &Signed, FieldMutability::QuasiImmutable},
       {"stack", items, FieldMutability::ImmutableArray}},
      {.virtualizable = true, .virtualizable_fields = {"pc", "stack[*]"}});
  CHECK(frame->mutability_of("pc") == FieldMutability::Mutable);
  CHECK(frame->mutability_of("code") == FieldMutability::Immutable);
  CHECK(frame->mutability_of("version") == FieldMutability::QuasiImmutable);
  CHECK(frame->mutability_of("stack") == FieldMutability::ImmutableArray);
  CHECK(frame->hints().virtualizable_fields.size() == 2);
  auto* point = arena.make_struct("Point", true, {{"x", &Signed}}, {.immutable = true});
  CHECK(point->mutability_of("x") == FieldMutability::Immutable);
  CHECK_THROWS_AS(arena.make_struct("W", true, {{"x", &Signed, FieldMutability::ImmutableArray}}), TypeError);
  CHECK_THROWS_AS(arena.make_struct("X", true, {{"x", &Signed}}, {.virtualizable_fields = {"y"}}), TypeError);
}

TEST_CASE("symbolic constants print, compare and check their types") {
  TypeArena arena;
  auto* node = arena.make_struct("Node", true, {{"value", &Signed}});
  auto* arr = arena.array(&Signed, true);
  auto off = Symbolic::field_offset(node, "value");
  CHECK(off->repr() == "offsetof(Node, value)");
  CHECK(off->equals(*Symbolic::field_offset(node, "value")));
  CHECK(!off->equals(*Symbolic::type_size(node)));
  CHECK(Symbolic::type_size(node)->repr() == "sizeof(Node)");
  CHECK(Symbolic::item_size(arr)->repr() == "itemsize(GcArray(Signed))");
  CHECK(Symbolic::type_id(node)->repr() == "typeid(Node)");
  CHECK(Symbolic::vtable(node)->repr() == "vtable(Node)");
  CHECK_THROWS_AS(Symbolic::field_offset(node, "nope"), TypeError);
  CHECK_THROWS_AS(Symbolic::item_size(node), TypeError);
  CHECK_THROWS_AS(Symbolic::type_id(&Signed), TypeError);
  TypeConstant tc(node);
  CHECK(tc.repr() == "<Node>");
}

TEST_CASE("the runtime types follow layout.h") {
  TypeArena arena;
  auto rt = define_runtime_types(arena);
  CHECK(rt.object->fields().front().name == "typeptr");
  CHECK(rt.object_vtable->fields().size() == 4);
  CHECK(rt.str->field("hash") != nullptr);
  CHECK(rt.bytes->is_varsize());
  auto again = define_runtime_types(arena);
  CHECK(again.object == rt.object);
  CHECK(again.gcref == rt.gcref);
}
