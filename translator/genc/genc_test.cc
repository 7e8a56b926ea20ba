// Unit tests of genc's pieces: identifiers, string literals, C++ struct definitions with their
// layout asserts, type ids, and one function written from LL text after the exception transform.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"
#include "translator/exceptiontransform/exception_transform.h"
#include "translator/genc/c_names.h"
#include "translator/genc/c_types.h"
#include "translator/genc/emitter.h"
#include "translator/genc/type_ids.h"
#include "translator/ll/ll_parser.h"

using namespace rpp;
using namespace rpp::genc;

TEST_CASE("identifiers are sanitized and unique") {
  CHECK(sanitize_identifier("Shape.area") == "Shape_area");
  CHECK(sanitize_identifier("3d") == "_3d");
  NameTable<int> names;
  CHECK(names.name(1, "fn_f") == "fn_f");
  CHECK(names.name(2, "fn.f") == "fn_f_2");
  CHECK(names.name(1, "other") == "fn_f");
  CHECK(names.name(3, "class") == "class_2");
}

TEST_CASE("string literals escape quotes, control and non-ASCII bytes") {
  CHECK(cxx_string_literal("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(cxx_string_literal("\n") == "\"\\x0a\"");
  // A hex escape followed by a hex digit must not swallow it.
  CHECK(cxx_string_literal("\xe9" "a1") == "\"\\xe9\\x61\\x31\"");
}

TEST_CASE("structs are laid out as memory_layout.h says, with static_asserts") {
  lltype::TypeArena arena;
  lltype::RuntimeTypes rt = lltype::define_runtime_types(arena);
  lltype::Struct* node = arena.declare_struct("Node", true);
  arena.define_struct(node, {{"super", rt.object}, {"value", &lltype::Signed}, {"flag", &lltype::Bool},
                             {"next", arena.ptr(node)}});
  CTypes types;
  std::string text = types.definitions({node});
  CHECK(text.find("struct S_Node {\n  S_object super;\n  int64_t value;\n  bool flag;\n  S_Node* next;\n};") !=
        std::string::npos);
  CHECK(text.find("struct S_object {\n  rpp::layout::GcHeader hdr;\n  S_object_vtable* typeptr;") != std::string::npos);
  CHECK(text.find("static_assert(offsetof(S_Node, value) == 16);") != std::string::npos);
  CHECK(text.find("static_assert(offsetof(S_Node, next) == 32);") != std::string::npos);
  CHECK(text.find("static_assert(sizeof(S_Node) == 40);") != std::string::npos);
  CHECK(types.field_path(node, "typeptr") == "super.typeptr");
  CHECK(types.field_path(node, "nothing").empty());
  const lltype::Array* ints = arena.array(&lltype::Signed, true);
  std::string array_text = types.definitions({ints});
  CHECK(array_text.find("int64_t items[];") != std::string::npos);
  CHECK(array_text.find("static_assert(offsetof(" + types.name(ints) + ", items) == 16);") != std::string::npos);
}

TEST_CASE("type ids: the runtime's fixed ids, then 16 and up in order of first use") {
  lltype::TypeArena arena;
  lltype::RuntimeTypes rt = lltype::define_runtime_types(arena);
  TypeIds ids(rt);
  const lltype::Struct* a = arena.make_struct("A", true, {{"x", &lltype::Signed}});
  const lltype::Struct* b = arena.make_struct("B", true, {{"p", arena.ptr(a)}});
  const lltype::Array* strs = arena.array(arena.ptr(rt.str), true);
  CHECK(ids.id(rt.str) == layout::kTidStrNarrow);
  CHECK(ids.id(strs) == layout::kTidStrArray);
  CHECK(ids.id(b) == 16);
  CHECK(ids.id(a) == 17);
  CHECK(ids.id(b) == 16);
  std::string table = ids.table_text();
  CHECK(table.find("rpp::gc::runtime_type_info(15)") != std::string::npos);
  CHECK(table.find("static const uint32_t rpp_gc_ptrs_16[] = {8};") != std::string::npos);
  CHECK(table.find("rpp_type_info_count = 18") != std::string::npos);
}

TEST_CASE("a transformed graph becomes one C++ function with labels and exception checks") {
  auto module = ll::parse_ll_module(R"(
graph @div(Signed, Signed) -> Signed {
b0(a: Signed, b: Signed):
  q: Signed = int_floordiv_zer(a, b)
  s: Signed = int_add(q, 1)
  goto return(s)
}
)", "test.ll");
  exceptiontransform::transform_exceptions(module->graph_list(), module->types());
  lltype::RuntimeTypes rt = lltype::define_runtime_types(module->types());
  lltype::StaticData data;
  Emitter emitter(rt, data);
  UnitUses uses;
  std::string text = write_function(emitter, *module->find_graph("div"), uses);
  CHECK(text.find("int64_t fn_div(int64_t a_0, int64_t b_1) {") != std::string::npos);
  CHECK(text.find("auto r = rpp::ops::int_floordiv_zer(a_0, b_1);") != std::string::npos);
  CHECK(text.find("= rpp::ops::exc_occurred();") != std::string::npos);
  CHECK(text.find("rpp_traceback_record(") != std::string::npos);
  CHECK(text.find("= rpp::ops::int_add(") != std::string::npos);
  CHECK(text.find("goto block") != std::string::npos);
}

TEST_CASE("an operation inlined from other functions records one traceback entry per function") {
  auto module = ll::parse_ll_module(R"(
graph @main(Signed) -> Signed {
b0(a: Signed):
  goto return(a)
}
)", "test.ll");
  const flow::FunctionGraph& main = *module->find_graph("main");
  auto file = std::make_shared<const std::string>("p.py");
  flow::SourceLocation outer{file, 30, 1, nullptr, nullptr};
  flow::SourceLocation middle{file, 20, 5, std::make_shared<const flow::SourceLocation>(outer),
                              std::make_shared<const std::string>("deeper")};
  flow::SourceLocation inner{file, 10, 9, std::make_shared<const flow::SourceLocation>(middle),
                             std::make_shared<const std::string>("check")};
  std::vector<std::string> entries = traceback_entries(main, &inner);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0] == "File \"p.py\", line 10, in check");
  CHECK(entries[1] == "File \"p.py\", line 20, in deeper");
  CHECK(entries[2] == "File \"p.py\", line 30, in main");
  std::vector<std::string> plain = traceback_entries(main, &outer);
  REQUIRE(plain.size() == 1);
  CHECK(plain[0] == "File \"p.py\", line 30, in main");
}
