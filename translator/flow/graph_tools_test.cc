// Unit tests of the graph checker, the Boost.Graph analyses, copygraph and the dumps, on graphs
// built by hand (the builder's graphs are checked by the flow tests).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <memory>

#include "translator/flow/checkgraph.h"
#include "translator/flow/const_repr.h"
#include "translator/flow/copygraph.h"
#include "translator/flow/dump.h"
#include "translator/flow/graph_analysis.h"

using namespace rpp::flow;

namespace {

SourceLocation here(int line) {
  static auto file = std::make_shared<const std::string>("/tmp/t.py");
  return SourceLocation{file, line, 1, nullptr};
}

// def countdown(n):
//     while n > 0: n = n - 1
//     return n
struct Countdown {
  FunctionGraph g{"countdown"};
  Block* head;
  Block* body;
  Countdown() {
    g.arg_names = {"n"};
    Variable* n = g.new_variable("n");
    g.startblock = g.new_block({n});
    Variable* n2 = g.new_variable("n");
    head = g.new_block({n2});
    g.startblock->add_exit(head, {n});
    Variable* cond = g.new_variable();
    head->operations.push_back(Operation{"gt", {n2, g.new_constant(int64_t{0})}, cond, here(2)});
    head->exitswitch = cond;
    Variable* n3 = g.new_variable("n");
    body = g.new_block({n3});
    head->add_exit(g.returnblock, {n2}, g.new_constant(false));
    head->add_exit(body, {n2}, g.new_constant(true));
    Variable* n4 = g.new_variable("n");
    body->operations.push_back(Operation{"sub", {n3, g.new_constant(int64_t{1})}, n4, here(2)});
    body->add_exit(head, {n4});
  }
};

bool has_error(const std::vector<std::string>& errors, const std::string& part) {
  for (auto& e : errors)
    if (e.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a well-formed loop passes the checker; Boost.Graph finds its back edge") {
  Countdown c;
  CHECK(check_graph(c.g).empty());
  auto back = back_edges(c.g);
  REQUIRE(back.size() == 1);
  CHECK(back[0]->prevblock == c.body);
  CHECK(back[0]->target == c.head);
  auto idom = immediate_dominators(c.g);
  CHECK(idom.at(c.head) == c.g.startblock);
  CHECK(idom.at(c.body) == c.head);
  CHECK(dominates(idom, c.g.startblock, c.body));
  CHECK(!dominates(idom, c.body, c.head));
  CHECK(reachable_blocks(c.g).size() == 4);
  CHECK(entry_map(c.g).at(c.head).size() == 2);
}

TEST_CASE("the checker reports SSI violations, bad arities and missing locations") {
  Countdown c;
  // Use the start block's variable inside the loop body: SSI violation.
  c.body->operations[0].args[0] = c.g.startblock->inputargs[0];
  c.body->operations[0].location = SourceLocation{};
  c.body->exits[0]->args.push_back(c.g.new_constant(int64_t{1}));
  auto errors = check_graph(c.g);
  CHECK(has_error(errors, "SSI"));
  CHECK(has_error(errors, "has no source location"));
  CHECK(has_error(errors, "carries 2 arguments for 1 input arguments"));
  CHECK_THROWS_AS(assert_graph_ok(c.g), GraphCheckError);
}

TEST_CASE("the checker knows the shape of switches") {
  Countdown c;
  c.head->exits[1]->exitcase = c.g.new_constant(false);
  CHECK(has_error(check_graph(c.g), "two switch exits with the same case"));
  Countdown d;
  d.head->exits[0]->exitcase = d.g.new_constant(DefaultCase{});
  d.head->exits[1]->exitcase = d.g.new_constant(int64_t{3});
  CHECK(has_error(check_graph(d.g), "the default case must be the last exit"));
  Countdown e;
  e.head->exitswitch = nullptr;
  CHECK(has_error(check_graph(e.g), "no exitswitch but 2 exits"));
}

TEST_CASE("raising blocks: last operation can raise, normal exit first, exception variables") {
  FunctionGraph g("f");
  Variable* x = g.new_variable("x");
  g.startblock = g.new_block({x});
  Variable* r = g.new_variable();
  g.startblock->operations.push_back(Operation{"simple_call", {x}, r, here(3)});
  g.startblock->exitswitch = g.last_exception();
  g.startblock->add_exit(g.returnblock, {r});
  Link* exc = g.startblock->add_exit(g.exceptblock, {}, g.new_constant(PyObjectRef{7}));
  exc->last_exception = g.new_variable();
  exc->last_exc_value = g.new_variable();
  exc->args = {exc->last_exception, exc->last_exc_value};
  CHECK(check_graph(g).empty());

  exc->args = {exc->last_exception, r};
  CHECK(has_error(check_graph(g), "passes on the result of the raising operation"));
  exc->args = {exc->last_exception, exc->last_exc_value};
  CheckOptions flow_level;
  flow_level.flow_level = true;
  CHECK(check_graph(g, flow_level).empty());
  g.startblock->operations[0].opname = "int_add";
  CHECK(has_error(check_graph(g, flow_level), "is not a flow-level operation"));
  g.startblock->operations[0].opname = "add";
  CHECK(has_error(check_graph(g, flow_level), "takes 2 arguments, not 1"));
  CHECK(has_error(check_graph(g), "which cannot raise"));
  g.startblock->operations[0].opname = "simple_call";
  exc->last_exc_value = nullptr;
  CHECK(!check_graph(g).empty());
}

TEST_CASE("copygraph copies everything and dumps identically") {
  Countdown c;
  auto copy = copygraph(c.g);
  CHECK(check_graph(*copy).empty());
  CHECK(dump_graph(*copy) == dump_graph(c.g));
  CHECK(copy->startblock != c.g.startblock);
  CHECK(copy->arg_names == c.g.arg_names);
  std::string text = dump_graph(c.g);
  CHECK(text.find("graph countdown(n)  # t.py:") == std::string::npos);  // the graph has no location
  CHECK(text.find("block0(v0):\n    goto block1(v0)\nblock1(v1):\n    v2 = gt(v1, 0)  # 2:1\n") == 0 + text.find("block0("));
  CHECK(text.find("      False -> return(v1)") != std::string::npos);
  CHECK(text.find("      True -> block2(v1)") != std::string::npos);
}

TEST_CASE("Graphviz output names every block and link") {
  Countdown c;
  std::ostringstream out;
  dump_graph_dot(c.g, out);
  std::string dot = out.str();
  CHECK(dot.find("digraph \"countdown\"") == 0);
  CHECK(dot.find("block1 -> block2 [label=\"True\\nv1\"];") != std::string::npos);
  CHECK(dot.find("block1 -> return") != std::string::npos);
}

TEST_CASE("constants print as Python prints them") {
  CHECK(python_float_repr(0.1) == "0.1");
  CHECK(python_float_repr(7.0) == "7.0");
  CHECK(python_float_repr(1e16) == "1e+16");
  CHECK(python_float_repr(1e15) == "1000000000000000.0");
  CHECK(python_float_repr(1e-5) == "1e-05");
  CHECK(python_float_repr(0.0001) == "0.0001");
  CHECK(python_float_repr(-0.0) == "-0.0");
  CHECK(python_float_repr(1.5e300) == "1.5e+300");
  CHECK(python_float_repr(123.456) == "123.456");
  CHECK(python_str_repr("it's") == "\"it's\"");
  CHECK(python_str_repr("a\nb") == "'a\\nb'");
  CHECK(python_bytes_repr("\x01z") == "b'\\x01z'");
  CHECK(const_repr(ConstValue{NoneValue{}}) == "None");
  CHECK(const_repr(ConstValue{int64_t{-3}}) == "-3");
  CHECK(const_repr(ConstValue{PyObjectRef{4}}, [](PyObjectRef r) { return "<obj " + std::to_string(r.id) + ">"; }) == "<obj 4>");
}
