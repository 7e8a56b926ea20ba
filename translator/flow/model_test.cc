// Unit tests of the graph model: building a small graph, traversal order, constants.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cmath>

#include "translator/flow/model.h"

using namespace rpp::flow;

TEST_CASE("a loop graph: blocks in depth-first order, links owned by their source") {
  FunctionGraph g("countdown");
  Variable* n = g.new_variable("n");
  g.startblock = g.new_block({n});
  Variable* n2 = g.new_variable("n");
  Block* loop = g.new_block({n2});
  g.startblock->add_exit(loop, {n});
  Variable* cond = g.new_variable();
  loop->operations.push_back(Operation{"gt", {n2, g.new_constant(int64_t{0})}, cond, {}});
  loop->exitswitch = cond;
  Variable* n3 = g.new_variable("n");
  Block* body = g.new_block({n3});
  loop->add_exit(g.returnblock, {n2}, g.new_constant(false));
  loop->add_exit(body, {n2}, g.new_constant(true));
  body->add_exit(loop, {n3});

  auto blocks = g.iterblocks();
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0] == g.startblock);
  CHECK(blocks[1] == loop);
  CHECK(blocks[2] == g.returnblock);
  CHECK(blocks[3] == body);
  CHECK(g.iterlinks().size() == 4);
  CHECK(loop->exits[1]->prevblock == loop);
  CHECK(!loop->raises());
  loop->exitswitch = g.last_exception();
  CHECK(loop->raises());
  CHECK(g.exceptblock->inputargs.size() == 2);
}

TEST_CASE("constant equality is by value and by bits for floats") {
  CHECK(const_value_equal(ConstValue{int64_t{3}}, ConstValue{int64_t{3}}));
  CHECK(!const_value_equal(ConstValue{int64_t{1}}, ConstValue{true}));
  CHECK(!const_value_equal(ConstValue{0.0}, ConstValue{-0.0}));
  CHECK(const_value_equal(ConstValue{std::nan("")}, ConstValue{std::nan("")}));
  CHECK(const_value_equal(ConstValue{std::string("a")}, ConstValue{std::string("a")}));
  CHECK(!const_value_equal(ConstValue{std::string("a")}, ConstValue{Bytes{"a"}}));
}
