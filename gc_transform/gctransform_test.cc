// Unit tests of the GC transform: the type table agrees with the runtime's own TypeInfo entries
// (runtime/gc/type_info.h) for the types both describe, and the liveness query the root saving
// uses, the allocation operations and types numbered late (C++ emission's static data).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "runtime/gc/type_info.h"
#include "gc_transform/allocation_fast_paths.h"
#include "gc_transform/shadow_stack_roots.h"
#include "gc_transform/type_info_tables.h"
#include "translator/ll/ll_parser.h"

using namespace rpp;

namespace {

const char* const kModule = R"LL(
gcstruct StrList {
  length: Signed
  items: Ptr(GcArray(Ptr(rpy_string)))
}

graph @f(Ptr(StrList), Ptr(rpy_string), Signed) -> Ptr(StrList) {
b0(l: Ptr(StrList), s: Ptr(rpy_string), n: Signed):
  a: Ptr(GcArray(Ptr(rpy_string))) = malloc_varsize(<GcArray(Ptr(rpy_string))>, "gc", n)
  t: Ptr(rpy_string) = direct_call($str_concat, s, s)
  setarrayitem(a, 0, t)
  goto return(l)
}
)LL";

const gctransform::GcTypeEntry& entry_named(const gctransform::GcTypeTable& table, const std::string& name) {
  for (const auto& e : table.entries())
    if (e.type->to_string() == name) return e;
  FAIL("no entry for " << name);
  return table.entries().front();
}

void check_same(const gctransform::GcTypeEntry& e, const layout::TypeInfo& info) {
  CHECK(e.fixed_size == info.fixed_size);
  CHECK(e.flags == info.flags);
  CHECK(e.item_size == info.item_size);
  CHECK(e.length_offset == info.length_offset);
  CHECK(e.items_offset == info.items_offset);
  REQUIRE(e.gc_ptr_offsets.size() == info.gc_ptr_count);
  for (size_t i = 0; i < e.gc_ptr_offsets.size(); ++i) CHECK(e.gc_ptr_offsets[i] == info.gc_ptr_offsets[i]);
  REQUIRE(e.item_gc_ptr_offsets.size() == info.item_gc_ptr_count);
  for (size_t i = 0; i < e.item_gc_ptr_offsets.size(); ++i) CHECK(e.item_gc_ptr_offsets[i] == info.item_gc_ptr_offsets[i]);
}

}  // namespace

TEST_CASE("the type table agrees with the runtime's entries for a list of str and its items") {
  auto module = ll::parse_ll_module(kModule, "test.ll");
  gctransform::GcTypeTable table(module->types(), module->graph_list());
  // A user list of str has the runtime's layout; the items array is the runtime's own type.
  check_same(entry_named(table, "StrList"), gc::runtime_type_info(layout::kTidStrList));
  auto* list = lltype::as<lltype::Struct>(module->types().find_named("StrList"));
  REQUIRE(list);
  const lltype::StructField* items = list->field("items");
  REQUIRE(items);
  auto* array = lltype::as<lltype::ContainerType>(static_cast<const lltype::Ptr*>(items->type)->to());
  CHECK(table.type_id(array) == layout::kTidStrArray);
  for (const auto& e : table.entries()) CHECK(e.type->to_string() != "GcArray(Ptr(rpy_string))");
  // Type ids: generated ones from 16 in order, the runtime's str keeps its own.
  CHECK(table.entries().front().tid == layout::kFirstGeneratedTid);
  CHECK(table.type_id(lltype::as<lltype::ContainerType>(module->types().find_named("rpy_string"))) == layout::kTidStrNarrow);
}

TEST_CASE("GC pointers live across an operation: defined before, used after, GC pointers only") {
  auto module = ll::parse_ll_module(kModule, "test.ll");
  flow::FunctionGraph* f = module->find_graph("f");
  REQUIRE(f);
  const flow::Block& b = *f->startblock;
  // Across the malloc (op 0): l (returned) and s (used by the call); not n (an integer).
  auto live0 = gctransform::gc_pointers_live_across(b, 0);
  REQUIRE(live0.size() == 2);
  CHECK(live0[0] == b.inputargs[0]);
  CHECK(live0[1] == b.inputargs[1]);
  // Across the call (op 1): l and the array a; s is dead, t is the call's own result.
  auto live1 = gctransform::gc_pointers_live_across(b, 1);
  REQUIRE(live1.size() == 2);
  CHECK(live1[0] == b.inputargs[0]);
  CHECK(live1[1] == b.operations[0].result);
}

TEST_CASE("the allocation operations: the table's ids, runtime ids kept, the runtime's item layout") {
  auto module = ll::parse_ll_module(kModule, "test.ll");
  gctransform::GcTypeTable table(module->types(), module->graph_list());
  size_t lowered = gctransform::lower_gc_mallocs(module->graph_list(), table);
  CHECK(lowered == 1);
  const flow::Operation& op = module->find_graph("f")->startblock->operations[0];
  REQUIRE(op.opname == "gc_malloc_varsize");
  REQUIRE(op.args.size() == 5);
  auto constant = [&](size_t i) { return std::get<int64_t>(static_cast<const flow::Constant*>(op.args[i])->value); };
  // The items of a list of str are the runtime's kTidStrArray, with its TypeInfo's layout.
  const layout::TypeInfo info = gc::runtime_type_info(layout::kTidStrArray);
  CHECK(constant(0) == layout::kTidStrArray);
  CHECK(op.args[1]->is_variable());
  CHECK(constant(2) == info.items_offset);
  CHECK(constant(3) == info.item_size);
  CHECK(constant(4) == info.length_offset);
}

TEST_CASE("a type the graphs never name is numbered after the others, once") {
  auto module = ll::parse_ll_module(kModule, "test.ll");
  gctransform::GcTypeTable table(module->types(), module->graph_list());
  uint32_t before = table.count();
  const lltype::Struct* extra = module->types().make_struct("Extra", true, {{"x", &lltype::Signed}});
  uint32_t id = table.type_id_or_add(extra);
  CHECK(id == before);
  CHECK(table.type_id_or_add(extra) == id);
  CHECK(table.count() == before + 1);
  CHECK(table.entries().back().fixed_size == 16);
}
