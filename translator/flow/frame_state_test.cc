// Unit tests of frame states (merging) and of the graph clean-ups after flowing (SSI, simplify).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "translator/flow/checkgraph.h"
#include "translator/flow/frame_state.h"
#include "translator/flow/simplify.h"

using namespace rpp::flow;

TEST_CASE("states merge: equal constants stay, the rest generalizes, undefined wins") {
  FunctionGraph g("f");
  FrameState a, b;
  a.point = b.point = {Step{nullptr, Part::Body, 0, 3}};
  Constant* one = g.new_constant(int64_t{1});
  Constant* one_again = g.new_constant(int64_t{1});
  Constant* two = g.new_constant(int64_t{2});
  Variable* v = g.new_variable("v");
  a.locals = {one, one, v, nullptr};
  b.locals = {one_again, two, g.new_variable("w"), v};
  CHECK(a.same_shape(b));
  CHECK(!a.generalizes(b));  // 1 vs 2
  FrameState u = FrameState::unite(a, b, g, {"x", "y", "z", "t"});
  CHECK(u.locals[0]->is_constant());
  CHECK(u.locals[1]->is_variable());
  CHECK(static_cast<Variable*>(u.locals[1])->name_hint == "y");
  CHECK(u.locals[2]->is_variable());
  CHECK(u.locals[2] != v);  // fresh: variables belong to one block
  CHECK(u.locals[3] == nullptr);
  CHECK(u.generalizes(a));
  CHECK(u.generalizes(b));
  CHECK(u.variables().size() == 2);
  CHECK(u.outputargs_from(b) == std::vector<Value*>{two, b.locals[2]});

  FrameState c = a;
  c.point = {Step{nullptr, Part::Body, 0, 4}};
  CHECK(!a.same_shape(c));
  FrameState d = a;
  d.entries.push_back(Entry{EntryKind::Unroller, static_cast<int>(Unroll::Return), nullptr, {v}});
  FrameState e = d;
  e.entries[0].tag = static_cast<int>(Unroll::Raise);
  CHECK(!d.same_shape(e));  // different unrollers never merge
}

TEST_CASE("ssa_to_ssi threads values through links, simplify joins and removes blocks") {
  FunctionGraph g("f");
  Variable* x = g.new_variable("x");
  g.startblock = g.new_block({x});
  Variable* y = g.new_variable("y");
  SourceLocation loc{std::make_shared<const std::string>("t.py"), 1, 1, nullptr};
  g.startblock->operations.push_back(Operation{"neg", {x}, y, loc});
  Block* middle = g.new_block();  // uses y without receiving it (as an egg block does)
  Block* last = g.new_block();
  Variable* z = g.new_variable("z");
  g.startblock->add_exit(middle, {});
  middle->add_exit(last, {});
  last->operations.push_back(Operation{"add", {x, y}, z, loc});
  last->add_exit(g.returnblock, {z});
  CHECK(!check_graph(g).empty());
  ssa_to_ssi(g);
  CHECK(check_graph(g).empty());
  CHECK(middle->inputargs.size() == 2);
  simplify_graph(g);
  CHECK(check_graph(g).empty());
  auto blocks = g.iterblocks();
  CHECK(blocks.size() == 2);  // start (joined with the rest) and return
  CHECK(g.startblock->operations.size() == 2);
}
