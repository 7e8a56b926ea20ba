// Unit tests of static data: objects, inlined parents, strings, names.
#include <doctest/doctest.h>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"

using namespace rpp::lltype;
using rpp::flow::ConstValue;

TEST_CASE("a prebuilt instance sets fields through its parents") {
  TypeArena arena;
  RuntimeTypes rt = define_runtime_types(arena);
  const Struct* node = arena.make_struct("Node", true, {{"super", rt.object}, {"value", &Signed}});
  StaticData data;
  StaticObject& vt = data.add(rt.object_vtable, "vtable.Node");
  vt.set_field("subclassrange_min", int64_t(3));
  StaticObject& inst = data.add(node, "inst.Node");
  inst.set_field("value", int64_t(42));
  inst.set_field_in_chain("typeptr", static_ref(&vt));
  CHECK(std::get<int64_t>(inst.field("value")) == 42);
  const StaticObject* parent = inst.inlined_if_any("super");
  REQUIRE(parent);
  CHECK(static_object_of(parent->field("typeptr")) == &vt);
  CHECK(data.add(node, "inst.Node").name() == "inst.Node_2");
  data.set_vtable(node, &vt);
  CHECK(data.vtable_of(node) == &vt);
  CHECK(data.find("vtable.Node") == &vt);
}

TEST_CASE("prebuilt strings are interned, as code points") {
  TypeArena arena;
  RuntimeTypes rt = define_runtime_types(arena);
  StaticData data;
  StaticObject& a = data.str(rt.str, "h\xc3\xa9\xe2\x82\xac");
  CHECK(&a == &data.str(rt.str, "h\xc3\xa9\xe2\x82\xac"));
  CHECK(a.is_str());
  CHECK(a.text() == std::u32string{U'h', U'\u00e9', U'\u20ac'});
  CHECK(&data.str(rt.str, "x") != &a);
  CHECK(utf8_to_code_points("\xff") == std::u32string{U'\u00ff'});
}
