// Unit tests of the backend optimizations on parsed LL graphs: what each transformation must
// keep (the graph model's invariants, the type rules, locations with their inline chain) and
// where it must stop (raising folds, escaping mallocs, recursion).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "rtyper/lltype/operation_table.h"
#include "translator/backendopt/backendopt.h"
#include "translator/backendopt/constant_fold.h"
#include "translator/backendopt/dead_code.h"
#include "translator/backendopt/inline.h"
#include "translator/backendopt/malloc_removal.h"
#include "translator/backendopt/merge_if_blocks.h"
#include "translator/flow/checkgraph.h"
#include "translator/ll/ll_parser.h"
#include "translator/ll/ll_typecheck.h"

using namespace rpp;
using namespace rpp::backendopt;

namespace {

// Every problem of the module's graphs: type rules and the model's invariants.
std::vector<std::string> problems(ll::LLModule& m) {
  std::vector<std::string> all;
  flow::CheckOptions options;
  options.can_raise = [](const flow::Operation& op) {
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    return !info || info->can_raise();
  };
  for (auto& g : m.graphs()) {
    for (auto& p : ll::check_ll_graph(*g, m.types())) all.push_back(p);
    for (auto& p : flow::check_graph(*g, options))
      if (p.find("is not an exception class") == std::string::npos) all.push_back(g->name + ": " + p);
  }
  return all;
}

size_t count_ops(const flow::FunctionGraph& g, const std::string& name) {
  size_t n = 0;
  for (flow::Block* b : g.iterblocks())
    for (const flow::Operation& op : b->operations) n += op.opname == name;
  return n;
}

}  // namespace

TEST_CASE("an inlined operation keeps its location with the call's appended") {
  auto m = ll::parse_ll_module(R"LL(
graph @f(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add(x, 1) loc("f.py":3:5)
  goto return(y)
}
graph @main(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@f, x) loc("main.py":9:2, "outer.py":1:1)
  goto return(r)
}
)LL", "t.ll");
  flow::FunctionGraph* main = m->find_graph("main");
  CHECK(auto_inline(m->graph_list()) == 1);
  CHECK(problems(*m).empty());
  CHECK(count_ops(*main, "direct_call") == 0);
  const flow::Operation& op = main->startblock->operations.at(0);
  CHECK(op.opname == "int_add");
  CHECK(op.location.line == 3);
  REQUIRE(op.location.inlined_at);
  CHECK(op.location.inlined_at->line == 9);
  REQUIRE(op.location.inlined_at->inlined_at);
  CHECK(*op.location.inlined_at->inlined_at->file == "outer.py");
  // The entry in f names it (a traceback frame); the call site is in the graph holding it.
  REQUIRE(op.location.function);
  CHECK(*op.location.function == "f");
  CHECK(!op.location.inlined_at->function);
}

TEST_CASE("inlined twice: every entry of the chain but the last names its function") {
  auto m = ll::parse_ll_module(R"LL(
graph @h(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_mul(x, 3) loc("h.py":2:5)
  goto return(y)
}
graph @g(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@h, x) loc("g.py":5:5)
  goto return(r)
}
graph @main(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@g, x) loc("main.py":9:2)
  goto return(r)
}
)LL", "t.ll");
  flow::FunctionGraph* main = m->find_graph("main");
  CHECK(auto_inline(m->graph_list()) == 2);
  const flow::Operation& op = main->startblock->operations.at(0);
  CHECK(op.opname == "int_mul");
  REQUIRE(op.location.function);
  CHECK(*op.location.function == "h");
  REQUIRE(op.location.inlined_at);
  CHECK(op.location.inlined_at->line == 5);
  REQUIRE(op.location.inlined_at->function);
  CHECK(*op.location.inlined_at->function == "g");
  REQUIRE(op.location.inlined_at->inlined_at);
  CHECK(op.location.inlined_at->inlined_at->line == 9);
  CHECK(!op.location.inlined_at->inlined_at->function);
}

TEST_CASE("recursive graphs are never inlined, and inlining ends") {
  auto m = ll::parse_ll_module(R"LL(
graph @loop(Signed) -> Signed {
b0(x: Signed):
  c: Bool = int_gt(x, 0)
  switch c { true -> b1(x) false -> return(x) }
b1(y: Signed):
  z: Signed = int_sub(y, 1)
  r: Signed = direct_call(@loop, z)
  goto return(r)
}
graph @main(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@loop, x)
  goto return(r)
}
)LL", "t.ll");
  CHECK(auto_inline(m->graph_list()) == 0);
  CHECK(count_ops(*m->find_graph("main"), "direct_call") == 1);
}

TEST_CASE("folding keeps an operation that would raise, and removes one that cannot") {
  auto m = ll::parse_ll_module(R"LL(
gcstruct OverflowError {
  super: object
}
graph @f(Signed) -> Signed {
b0(x: Signed):
  a: Signed = int_add_ovf(9223372036854775807, 1)
  catch {
    ok -> b1(a)
    vtable(OverflowError):Ptr(object_vtable) as (t: Ptr(object_vtable), e: Ptr(object)) -> return(0)
  }
b1(y: Signed):
  b: Signed = int_add_ovf(y, 2)
  catch {
    ok -> return(b)
    vtable(OverflowError):Ptr(object_vtable) as (t2: Ptr(object_vtable), e2: Ptr(object)) -> return(1)
  }
}
graph @g(Signed) -> Signed {
b0(x: Signed):
  a: Signed = int_add_ovf(40, 2)
  catch {
    ok -> return(a)
    vtable(OverflowError):Ptr(object_vtable) as (t: Ptr(object_vtable), e: Ptr(object)) -> return(0)
  }
}
)LL", "t.ll");
  fold_constants(*m->find_graph("f"));
  fold_constants(*m->find_graph("g"));
  CHECK(problems(*m).empty());
  CHECK(count_ops(*m->find_graph("f"), "int_add_ovf") == 2);
  CHECK(count_ops(*m->find_graph("g"), "int_add_ovf") == 0);
  CHECK(m->find_graph("g")->startblock->exits.size() == 1);
}

TEST_CASE("a malloc that escapes stays, one that does not goes") {
  auto m = ll::parse_ll_module(R"LL(
gcstruct P {
  a: Signed
}
gcstruct Holder {
  p: Ptr(P)
}
graph @local(Signed) -> Signed {
b0(x: Signed):
  p: Ptr(P) = malloc(<P>, "gc")
  setfield(p, "a", x)
  y: Signed = getfield(p, "a")
  goto return(y)
}
graph @stored(Ptr(Holder), Signed) -> Signed {
b0(h: Ptr(Holder), x: Signed):
  p: Ptr(P) = malloc(<P>, "gc")
  setfield(h, "p", p)
  goto return(x)
}
graph @joined_with_null(Bool) -> Signed {
b0(c: Bool):
  p: Ptr(P) = malloc(<P>, "gc")
  switch c { true -> b1(p) false -> b1(null:Ptr(P)) }
b1(q: Ptr(P)):
  z: Bool = ptr_iszero(q)
  r: Signed = cast_bool_to_int(z)
  goto return(r)
}
)LL", "t.ll");
  CHECK(remove_mallocs(*m->find_graph("local")) == 1);
  CHECK(remove_mallocs(*m->find_graph("stored")) == 0);
  CHECK(remove_mallocs(*m->find_graph("joined_with_null")) == 0);
  CHECK(problems(*m).empty());
  CHECK(count_ops(*m->find_graph("local"), "malloc") == 0);
}

TEST_CASE("an if-chain on one value becomes a switch with a case per constant") {
  auto m = ll::parse_ll_module(R"LL(
graph @f(Signed) -> Signed {
b0(x: Signed):
  a: Bool = int_eq(x, 1)
  switch a { true -> return(10) false -> b1(x) }
b1(y: Signed):
  b: Bool = int_eq(y, 2)
  switch b { true -> return(20) false -> b2(y) }
b2(z: Signed):
  c: Bool = int_eq(z, 3)
  switch c { true -> return(30) false -> return(0) }
}
)LL", "t.ll");
  flow::FunctionGraph* f = m->find_graph("f");
  CHECK(merge_if_blocks(*f) == 1);
  remove_dead_code(*f);
  CHECK(problems(*m).empty());
  CHECK(f->startblock->exitswitch == f->startblock->inputargs[0]);
  CHECK(f->startblock->exits.size() == 4);  // 1, 2, 3, default
}

TEST_CASE("--opt=0 changes nothing") {
  auto m = ll::parse_ll_module(R"LL(
graph @f(Signed) -> Signed {
b0(x: Signed):
  a: Signed = int_add(1, 2)
  goto return(a)
}
)LL", "t.ll");
  BackendOptOptions options;
  options.level = 0;
  BackendOptStats stats = optimize_graphs(m->graph_list(), options);
  CHECK(stats.constants_folded == 0);
  CHECK(count_ops(*m->find_graph("f"), "int_add") == 1);
}
