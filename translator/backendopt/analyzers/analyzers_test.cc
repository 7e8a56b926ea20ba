// Unit tests of the call-graph analyzers on parsed LL graphs: recursion, mutual recursion,
// indirect calls with known and unknown targets, helpers, SCC order.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "translator/backendopt/analyzers/analysis_report.h"
#include "translator/backendopt/analyzers/can_collect.h"
#include "translator/backendopt/analyzers/can_raise.h"
#include "translator/backendopt/analyzers/effects.h"
#include "translator/backendopt/analyzers/forces_virtualizable.h"
#include "translator/ll/ll_parser.h"

using namespace rpp;
using namespace rpp::analyzers;

namespace {

const char* const kModule = R"LL(
gcstruct Node {
  next: Ptr(Node)
  value: Signed
  key: Signed immutable
}
gcstruct Frame virtualizable(pc) {
  super: object
  pc: Signed
}

; even/odd: mutual recursion; odd raises explicitly at the bottom.
graph @even(Signed) -> Bool {
b0(n: Signed):
  z: Bool = int_eq(n, 0)
  switch z { true -> return(true) false -> b1(n) }
b1(m: Signed):
  m1: Signed = int_sub(m, 1)
  r: Bool = direct_call(@odd, m1)
  goto return(r)
}
graph @odd(Signed) -> Bool {
b0(n: Signed):
  neg: Bool = int_lt(n, 0)
  switch neg { true -> b2() false -> b1(n) }
b1(m: Signed):
  z: Bool = int_eq(m, 0)
  switch z { true -> return(false) false -> b3(m) }
b3(k: Signed):
  k1: Signed = int_sub(k, 1)
  r: Bool = direct_call(@even, k1)
  goto return(r)
b2():
  goto except(null:Ptr(object_vtable), null:Ptr(object))
}

; a self-recursive graph that only reads and writes fields
graph @walk(Ptr(Node)) -> Signed {
b0(p: Ptr(Node)):
  nz: Bool = ptr_nonzero(p)
  switch nz { false -> return(0) true -> b1(p) }
b1(q: Ptr(Node)):
  v: Signed = getfield(q, "value")
  k: Signed = getfield(q, "key")
  nx: Ptr(Node) = getfield(q, "next")
  setfield(q, "value", k)
  rest: Signed = direct_call(@walk, nx)
  s: Signed = int_add(v, rest)
  goto return(s)
}

graph @alloc() -> Ptr(Node) {
b0():
  p: Ptr(Node) = malloc(<Node>, "gc")
  goto return(p)
}

graph @pure(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_mul(x, x)
  goto return(y)
}

; indirect calls: a known set, and an unknown function
graph @through_set(Ptr(Func() -> Ptr(Node))) -> Ptr(Node) {
b0(f: Ptr(Func() -> Ptr(Node))):
  r: Ptr(Node) = indirect_call(f, [@alloc])
  goto return(r)
}
graph @through_unknown(Ptr(Func(Signed) -> Signed), Signed) -> Signed {
b0(f: Ptr(Func(Signed) -> Signed), x: Signed):
  r: Signed = indirect_call(f, x, none)
  goto return(r)
}
graph @calls_pure_indirectly(Ptr(Func(Signed) -> Signed)) -> Signed {
b0(f: Ptr(Func(Signed) -> Signed)):
  r: Signed = indirect_call(f, 3, [@pure])
  goto return(r)
}

graph @concat(Ptr(rpy_string), Ptr(rpy_string)) -> Ptr(rpy_string) {
b0(a: Ptr(rpy_string), b: Ptr(rpy_string)):
  r: Ptr(rpy_string) = direct_call($str_concat, a, b)
  h: Signed = direct_call($str_hash, r)
  goto return(r)
}

graph @force(Ptr(Frame)) -> Void {
b0(f: Ptr(Frame)):
  jit_force_virtualizable(f, "pc", none)
  goto return(none)
}
graph @calls_force(Ptr(Frame)) -> Void {
b0(f: Ptr(Frame)):
  v: Void = direct_call(@force, f)
  goto return(v)
}
graph @ovf(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add_ovf(x, 1)
  catch { ok -> return(y) }
}
)LL";

struct Fixture {
  std::unique_ptr<ll::LLModule> module = ll::parse_ll_module(kModule, "analyzers.ll");
  CallGraph calls{module->graph_list()};
  flow::FunctionGraph* g(const char* name) { return module->find_graph(name); }
};

}  // namespace

TEST_CASE("the call graph: SCCs, callees first") {
  Fixture f;
  auto scc_even = f.calls.scc_of(f.g("even"));
  CHECK(scc_even == f.calls.scc_of(f.g("odd")));
  CHECK(f.calls.sccs()[scc_even].size() == 2);
  CHECK(f.calls.scc_of(f.g("force")) < f.calls.scc_of(f.g("calls_force")));
  CHECK(f.calls.scc_of(f.g("alloc")) < f.calls.scc_of(f.g("through_set")));
  CHECK(f.calls.scc_of(f.g("pure")) < f.calls.scc_of(f.g("calls_pure_indirectly")));
  CHECK(f.calls.callees(f.g("walk")).size() == 1);  // itself
}

TEST_CASE("can-raise: explicit raises through mutual recursion, raising ops, unknown calls") {
  Fixture f;
  CanRaiseAnalysis a(f.calls);
  CHECK(a.summary(f.g("odd")));
  CHECK(a.summary(f.g("even")));  // through @odd
  CHECK(!a.summary(f.g("walk")));
  CHECK(!a.summary(f.g("alloc")));  // running out of memory is fatal, not an exception
  CHECK(!a.summary(f.g("pure")));
  CHECK(a.summary(f.g("through_unknown")));
  CHECK(!a.summary(f.g("calls_pure_indirectly")));
  CHECK(!a.summary(f.g("concat")));  // helpers that cannot raise
  CHECK(a.summary(f.g("ovf")));
}

TEST_CASE("can-collect: malloc, helpers, indirect calls") {
  Fixture f;
  CanCollectAnalysis a(f.calls);
  CHECK(a.summary(f.g("alloc")));
  CHECK(a.summary(f.g("through_set")));
  CHECK(a.summary(f.g("through_unknown")));
  CHECK(a.summary(f.g("concat")));
  CHECK(!a.summary(f.g("walk")));
  CHECK(!a.summary(f.g("even")));
  CHECK(!a.summary(f.g("calls_pure_indirectly")));
  // per operation: the call in @through_set collects, the one in @calls_pure_indirectly not
  CHECK(a.operation(f.g("through_set")->startblock->operations[0]));
  CHECK(!a.operation(f.g("calls_pure_indirectly")->startblock->operations[0]));
}

TEST_CASE("effects: fields and arrays, immutable reads left out, helpers, random") {
  Fixture f;
  EffectsAnalysis a(f.calls);
  const Effects& walk = a.summary(f.g("walk"));
  CHECK(!walk.random);
  CHECK(walk.to_string() == "reads {Node.next, Node.value} writes {Node.value}");
  CHECK(a.summary(f.g("pure")).to_string() == "reads {} writes {}");
  CHECK(a.summary(f.g("through_unknown")).random);
  CHECK(a.summary(f.g("concat")).to_string() == "reads {rpy_string.hash} writes {rpy_string.hash}");
  CHECK(a.summary(f.g("alloc")).to_string() == "reads {} writes {}");
}

TEST_CASE("forces-virtualizable through calls; unknown calls may force") {
  Fixture f;
  ForcesVirtualizableAnalysis a(f.calls);
  CHECK(a.summary(f.g("force")));
  CHECK(a.summary(f.g("calls_force")));
  CHECK(a.summary(f.g("through_unknown")));
  CHECK(!a.summary(f.g("walk")));
  CHECK(!a.summary(f.g("through_set")));
}

TEST_CASE("the report names every graph in order") {
  Fixture f;
  std::string r = analysis_report(f.module->graph_list(), {"can-raise", "random-effects"});
  CHECK(r.find("can-raise @even: yes\ncan-raise @odd: yes\ncan-raise @walk: no\n") == 0);
  CHECK(r.find("random-effects @through_unknown: yes") != std::string::npos);
  CHECK(is_analysis_name("effects"));
  CHECK(!is_analysis_name("inline"));
}

TEST_CASE("an SCC through an indirect call; an unknown call inside an SCC reaches every member") {
  const char* text = R"LL(
gcstruct Box {
  value: Signed
}
graph @ping(Ptr(Box), Signed) -> Signed {
b0(b: Ptr(Box), n: Signed):
  z: Bool = int_le(n, 0)
  switch z { true -> return(0) false -> b1(b, n) }
b1(b2: Ptr(Box), m: Signed):
  m1: Signed = int_sub(m, 1)
  f: Ptr(Func(Ptr(Box), Signed) -> Signed) = same_as(@pong)
  r: Signed = indirect_call(f, b2, m1, [@pong])
  goto return(r)
}
graph @pong(Ptr(Box), Signed) -> Signed {
b0(b: Ptr(Box), n: Signed):
  setfield(b, "value", n)
  r: Signed = direct_call(@ping, b, n)
  goto return(r)
}
graph @tick(Ptr(Func() -> Void), Signed) -> Signed {
b0(f: Ptr(Func() -> Void), n: Signed):
  z: Bool = int_le(n, 0)
  switch z { true -> return(0) false -> b1(f, n) }
b1(g: Ptr(Func() -> Void), m: Signed):
  v: Void = indirect_call(g, none)
  m1: Signed = int_sub(m, 1)
  r: Signed = direct_call(@tock, g, m1)
  goto return(r)
}
graph @tock(Ptr(Func() -> Void), Signed) -> Signed {
b0(f: Ptr(Func() -> Void), n: Signed):
  r: Signed = direct_call(@tick, f, n)
  goto return(r)
}
)LL";
  auto module = ll::parse_ll_module(text, "scc.ll");
  CallGraph calls(module->graph_list());
  auto* ping = module->find_graph("ping");
  auto* pong = module->find_graph("pong");
  CHECK(calls.scc_of(ping) == calls.scc_of(pong));
  EffectsAnalysis effects(calls);
  CHECK(effects.summary(ping).to_string() == "reads {} writes {Box.value}");
  CHECK(effects.summary(pong) == effects.summary(ping));
  CanRaiseAnalysis raises(calls);
  CHECK(!raises.summary(ping));
  CHECK(raises.summary(module->find_graph("tock")));
  CHECK(effects.summary(module->find_graph("tick")).random);
  CHECK(effects.summary(module->find_graph("tock")).random);
  ForcesVirtualizableAnalysis forces(calls);
  CHECK(forces.summary(module->find_graph("tock")));
  CHECK(!forces.summary(pong));
}
