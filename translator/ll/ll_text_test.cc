// Unit tests of LL text: parse -> print is exact, print -> parse -> print is stable, and the
// parsed graphs have the structure the text describes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "rtyper/lltype/symbolic.h"
#include "translator/diagnostics.h"
#include "translator/ll/ll_constants.h"
#include "translator/ll/ll_lexer.h"
#include "translator/ll/ll_parser.h"
#include "translator/ll/ll_printer.h"
#include "translator/ll/ll_typecheck.h"

using namespace rpp;
using namespace rpp::ll;

namespace {

// Text in the printer's own form: it must print back unchanged.
const char* const kCanonical = R"LL(struct Point {
  x: Float
  y: Float
}
gcstruct Node {
  next: Ptr(Node)
  value: Signed immutable
}
gcstruct Frame virtualizable(pc, stack[*]) {
  super: object
  pc: Signed
  stack: Ptr(GcArray(Signed)) immutable_array
  code: Ptr(rpy_string) quasi_immutable
}
gcstruct Error {
  super: object
}
gcopaque jitframe
opaque FILE

graph @fact(Signed) -> Signed [elidable] {
b0(n_0: Signed):
  v1: Bool = int_le(n_0, 1)
  switch v1 {
    false -> b1(n_0)
    true -> return(1)
  }
b1(n_2: Signed):
  v3: Signed = int_sub(n_2, 1)
  v4: Signed = direct_call(@fact, v3)
  catch {
    ok -> b2(n_2, v4)
    vtable(Error):Ptr(object_vtable) as (etype_5: Ptr(object_vtable), evalue_6: Ptr(object)) -> except(etype_5, evalue_6)
  }
b2(n_7: Signed, r_8: Signed):
  v9: Signed = int_mul_ovf(n_7, r_8)
  catch {
    ok -> return(v9)
  }
}

graph @dispatch(Ptr(Func(Signed) -> Signed), Signed) -> Signed {
b0(f_0: Ptr(Func(Signed) -> Signed), x_1: Signed):
  v2: Signed = indirect_call(f_0, x_1, [@fact, @"weird name"])
  v3: Signed = indirect_call(f_0, v2, none)
  goto return(v3)
}

graph @"weird name"(Signed) -> Signed [dont_look_inside, oopspec("jit.foo(x)")] {
b0(v0: Signed):
  goto return(v0)
}

graph @constants(Ptr(Node), Char) -> Void {
b0(p_0: Ptr(Node), c_1: Char):
  v2: Ptr(Node) = malloc(<Node>, "gc")
  setfield(v2, "next", p_0)
  setfield(v2, "next", null:Ptr(Node))
  v3: Signed = getfield(p_0, "value")
  v4: Float = cast_int_to_float(v3)
  v5: Float = float_add(v4, -0.0)
  v6: Float = float_mul(v5, 1e+16)
  v7: Float = float_sub(v6, inf)
  v8: Bool = float_lt(v7, nan)
  v9: Unsigned = uint_add(18446744073709551615:Unsigned, 1:Unsigned)
  v10: Bool = char_eq(c_1, '\n')
  v11: Bool = unichar_eq(u'\u20ac', u'\U0001f600')
  v12: Signed = int_add(offsetof(Node, value), sizeof(Node))
  v13: Signed = int_add(itemsize(GcArray(Signed)), typeid(Node))
  v14: SignedLongLong = llong_add(-9223372036854775808:SignedLongLong, 7:SignedLongLong)
  v15: Ptr(rpy_string) = direct_call($str_concat, null:Ptr(rpy_string), null:Ptr(rpy_string))
  v16: Bool = char_lt('\x00', '\xff')
  jit_marker("jit_merge_point", "driver", v3)
  v17: Void = same_as(none)
  goto b1(v17, c_1)
b1(v18: Void, c_19: Char):
  switch c_19 {
    'a' -> b2()
    'b' -> b2()
    default -> return(none)
  }
b2():
  goto return(none)
}
)LL";

std::string roundtrip(const std::string& text) {
  auto module = parse_ll_module(text, "test.ll");
  return print_ll_module(*module);
}

}  // namespace

TEST_CASE("LL text in the printer's form prints back unchanged") {
  std::string printed = roundtrip(kCanonical);
  CHECK(printed == kCanonical);
  CHECK(roundtrip(printed) == printed);
}

TEST_CASE("hand-written LL text is normalized, and then stable") {
  const char* text = R"LL(
    ; comments and free layout
    gcstruct Cell { value: Signed, }
    graph @count(Signed) -> Signed {
    start(n: Signed):
      goto loop(n, 0)
    loop(i: Signed, acc: Signed):
      c: Bool = int_gt(i, 0)
      switch c { true -> body(i, acc) false -> return(acc) }
    body(j: Signed, a: Signed):
      a2: Signed = int_add(a, j)
      j2: Signed = int_sub(j, 1)
      goto loop(j2, a2)
    }
  )LL";
  std::string once = roundtrip(text);
  CHECK(once.find("b1(i_1: Signed, acc_2: Signed):") != std::string::npos);
  CHECK(once.find("c_3: Bool = int_gt(i_1, 0)") != std::string::npos);
  CHECK(once.find("    true -> b2(i_1, acc_2)") != std::string::npos);
  CHECK(roundtrip(once) == once);
}

TEST_CASE("the parsed structure: blocks, links, exceptions, constants") {
  auto module = parse_ll_module(kCanonical, "test.ll");
  auto* fact = module->find_graph("fact");
  REQUIRE(fact);
  CHECK(fact->flags.elidable);
  auto blocks = fact->iterblocks();
  flow::Block* b1 = fact->startblock->exits[0]->target;
  REQUIRE(b1->raises());
  CHECK(b1->exits.size() == 2);
  CHECK(b1->exits[0]->exitcase == nullptr);
  flow::Link* exc = b1->exits[1].get();
  CHECK(exc->target == fact->exceptblock);
  REQUIRE(exc->last_exception);
  CHECK(exc->args[0] == exc->last_exception);
  auto* sym = lltype::symbolic_of(exc->llexitcase);
  REQUIRE(sym);
  CHECK(sym->kind() == lltype::SymbolicKind::Vtable);
  const flow::Operation& call = b1->operations[1];
  CHECK(call.opname == "direct_call");
  CHECK(graph_of(static_cast<flow::Constant*>(call.args[0])) == fact);
  CHECK(call.location.line == 30);
  CHECK(call.location.col == 3);

  auto* dispatch = module->find_graph("dispatch");
  auto& ops = dispatch->startblock->operations;
  auto* set = graph_set_of(static_cast<flow::Constant*>(ops[0].args.back()));
  REQUIRE(set);
  CHECK(set->graphs().size() == 2);
  CHECK(set->graphs()[1] == module->find_graph("weird name"));
  CHECK(std::holds_alternative<flow::NoneValue>(static_cast<flow::Constant*>(ops[1].args.back())->value));
  for (auto& g : module->graphs()) CHECK(check_ll_graph(*g, module->types()).empty());
}

TEST_CASE("locations print and parse, inlined chains included") {
  const char* text = R"LL(graph @f(Signed) -> Signed loc("f.py":1:1) {
b0(v0: Signed):
  v1: Signed = int_neg(v0) loc("f.py":2:5, "g.py":10:3)
  goto return(v1)
}
)LL";
  auto module = parse_ll_module(text, "t.ll");
  auto& op = module->find_graph("f")->startblock->operations[0];
  CHECK(*op.location.file == "f.py");
  REQUIRE(op.location.inlined_at);
  CHECK(op.location.inlined_at->line == 10);
  CHECK(print_ll_module(*module, {.locations = true}) == text);
  CHECK(print_ll_module(*module).find("loc(") == std::string::npos);
}

TEST_CASE("float constants print shortest and read back exactly") {
  for (double d : {0.1, 1.0 / 3.0, 1e300, 5e-324, -2.5, 1e16, 123456789.0})
    CHECK(std::strtod(format_float(d).c_str(), nullptr) == d);
  CHECK(format_float(7.0) == "7.0");
  CHECK(format_float(1e16) == "1e+16");
  CHECK(format_float(-0.0) == "-0.0");
}

TEST_CASE("every Char and a range of UniChar constants print and read back") {
  std::string text = "graph @chars(Char) -> Void {\nb0(c_0: Char):\n";
  int n = 1;
  auto add = [&](const std::string& op, const std::string& a, const std::string& b) {
    text += "  v" + std::to_string(n++) + ": Bool = " + op + "(" + a + ", " + b + ")\n";
  };
  for (uint32_t cp = 0; cp < 256; ++cp) add("char_eq", "c_0", "'" + escape_char(cp) + "'");
  for (uint32_t cp : {0x100u, 0x20acu, 0xffffu, 0x10000u, 0x10ffffu})
    add("unichar_eq", "u'" + escape_char(cp) + "'", "u'" + escape_char(cp) + "'");
  text += "  goto return(none)\n}\n";
  auto module = parse_ll_module(text, "chars.ll");
  CHECK(print_ll_module(*module) == text);
  auto& ops = module->find_graph("chars")->startblock->operations;
  CHECK(std::get<int64_t>(static_cast<flow::Constant*>(ops[233].args[1])->value) == 233);
}
