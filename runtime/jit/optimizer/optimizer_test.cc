// Unit tests of the optimizer's parts: resume-data encoding (sharing, round trips), integer
// bounds, and small traces through the whole optimizer.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "runtime/jit/optimizer/optimizer.h"

#include <doctest/doctest.h>

#include <tuple>

#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/ir/trace_printer.h"

using namespace rpp::jit;
using namespace rpp::jit::opt;

TEST_CASE("resume data: frames round-trip and outer frames are shared") {
  ResumeStorage s;
  ResumeFrame outer{1, 10, {Tagged::make(Tag::Box, 0), Tagged::make(Tag::Int, -5)}};
  ResumeFrame inner1{2, 3, {Tagged::make(Tag::Box, 1)}};
  ResumeFrame inner2{2,
                     7,
                     {Tagged::make(Tag::Virtual, 0),
                      Tagged::make(Tag::Const, s.add_const(ValueType::Float, std::bit_cast<Word>(42.0)))}};
  VirtualDescription v;
  v.kind = VirtualKind::Array;
  v.items = {Tagged::make(Tag::Int, 1), Tagged::make(Tag::Box, 1)};
  uint32_t g0 = s.add_guard({outer, inner1}, {}, 2);
  uint32_t g1 = s.add_guard({outer, inner2}, {v}, 2);
  CHECK(s.num_frame_records() == 3);  // the outer frame is stored once
  auto f0 = s.frames(g0), f1 = s.frames(g1);
  REQUIRE(f0.size() == 2);
  REQUIRE(f1.size() == 2);
  CHECK(f0[0].jitcode == 1);
  CHECK(f0[0].pc == 10);
  CHECK(f0[0].slots == outer.slots);
  CHECK(f0[1].slots == inner1.slots);
  CHECK(f1[1].pc == 7);
  CHECK(f1[1].slots == inner2.slots);
  auto vs = s.virtuals(g1);
  REQUIRE(vs.size() == 1);
  CHECK(vs[0].items == v.items);
  CHECK(s.value_of(Tagged::make(Tag::Int, -5), {}) == static_cast<Word>(-5));
  CHECK(s.value_of(Tagged::make(Tag::Box, 1), {7, 9}) == 9);
  CHECK(print_resume(s, g1) ==
        "  frame 0 code 1 pc 10: [#0, -5]\n  frame 1 code 2 pc 7: [v0, 42.0]\n"
        "  v0 = array[2] {1, #1}\n");
}

TEST_CASE("resume data: arrays of structs round-trip and materialize field by field") {
  TraceNamespace names;
  parse_declarations("array pts of { x: int, y: ref }\n", names);
  auto* pts = static_cast<const ArrayDescr*>(names.find("pts"));
  auto* x = static_cast<const InteriorFieldDescr*>(names.find("pts.x"));
  auto* y = static_cast<const InteriorFieldDescr*>(names.find("pts.y"));
  ResumeStorage s;
  VirtualDescription v;
  v.kind = VirtualKind::InteriorArray;
  v.descr = pts;
  v.length = 3;
  v.interior = {{2, x, Tagged::make(Tag::Box, 0)}, {0, y, Tagged::make(Tag::Virtual, 0)}, {1, x, Tagged::make(Tag::Int, 7)}};
  uint32_t g = s.add_guard({ResumeFrame{0, 4, {Tagged::make(Tag::Virtual, 0)}}}, {v}, 1);
  auto vs = s.virtuals(g);
  REQUIRE(vs.size() == 1);
  CHECK(vs[0].kind == VirtualKind::InteriorArray);
  CHECK(vs[0].descr == pts);
  CHECK(vs[0].length == 3);
  REQUIRE(vs[0].interior.size() == 3);
  CHECK(vs[0].interior[0].item == 2);
  CHECK(vs[0].interior[0].field == x);
  CHECK(vs[0].interior[1].field == y);
  CHECK(vs[0].interior[1].value == Tagged::make(Tag::Virtual, 0));
  CHECK(print_resume(s, g, &names) ==
        "  frame 0 code 0 pc 4: [v0]\n  v0 = interior_array pts[3] {[2].pts.x=#0, [0].pts.y=v0, [1].pts.x=7}\n");
  // Materializing: one allocation of length 3, then one store per interior field set (the
  // self-reference gets the array itself).
  std::vector<std::tuple<Word, size_t, Word>> stores;
  Materializer m;
  m.allocate = [&](const VirtualDescription& d) -> Word { return 1000 + d.length; };
  m.store = [&](Word obj, const VirtualDescription&, size_t i, Word value) { stores.emplace_back(obj, i, value); };
  auto objects = materialize_virtuals(s, g, {55}, m);
  REQUIRE(objects.size() == 1);
  CHECK(objects[0] == 1003);
  REQUIRE(stores.size() == 3);
  CHECK(stores[0] == std::make_tuple(Word{1003}, size_t{0}, Word{55}));
  CHECK(stores[1] == std::make_tuple(Word{1003}, size_t{1}, Word{1003}));
  CHECK(stores[2] == std::make_tuple(Word{1003}, size_t{2}, Word{7}));
}

TEST_CASE("resume data: large tagged values survive the varint encoding") {
  ResumeStorage s;
  int64_t big = (int64_t{1} << 61) - 1;
  ResumeFrame f{0, 0, {Tagged::make(Tag::Int, big), Tagged::make(Tag::Int, -(int64_t{1} << 61))}};
  uint32_t g = s.add_guard({f}, {}, 0);
  CHECK(s.frames(g)[0].slots == f.slots);
  CHECK(s.frames(g)[0].slots[0].payload() == big);
}

TEST_CASE("int bounds: arithmetic and known bits") {
  IntBound a = IntBound::range(0, 10), b = IntBound::range(-3, 5);
  bool ovf = true;
  IntBound s = bound_add(a, b, &ovf);
  CHECK_FALSE(ovf);
  CHECK(s.lo == -3);
  CHECK(s.hi == 15);
  bound_add(IntBound::range(0, INT64_MAX), IntBound::range(1, 1), &ovf);
  CHECK(ovf);
  IntBound m = bound_and(IntBound::unbounded(), IntBound::constant(15));
  CHECK(m.lo == 0);
  CHECK(m.hi == 15);
  CHECK(m.contains(7));
  CHECK_FALSE(m.contains(16));
  IntBound p = bound_mul(IntBound::range(-2, 3), IntBound::range(-5, 4));
  CHECK(p.lo == -15);
  CHECK(p.hi == 12);
}

namespace {

std::string optimize_text(const char* text, const char* passes = "all") {
  TraceNamespace names;
  Trace t = parse_trace(text, names);
  OptimizerConfig c;
  REQUIRE(c.parse(passes).empty());
  OptimizedTrace o = optimize_trace(t, names, c);
  return print_trace(o.trace, &names);
}

}  // namespace

TEST_CASE("optimizer: a virtual struct never escaping disappears") {
  std::string out = optimize_text(
      "struct node { v: int }\n[i0]\np1 = new(descr=node)\nsetfield_gc(p1, i0, descr=node.v)\n"
      "i2 = getfield_gc(p1, descr=node.v)\ni3 = int_add(i2, 1)\nfinish(i3)\n");
  CHECK(out == "[i0]\ni1 = int_add(i0, 1)\nfinish(i1)\n");
}

TEST_CASE("optimizer: passes can be switched off") {
  const char* text = "[i0]\ni1 = int_add(i0, 0)\ni2 = int_add(3, 4)\nfinish(i1, i2)\n";
  CHECK(optimize_text(text, "none") == "[i0]\ni1 = int_add(i0, 0)\ni2 = int_add(3, 4)\nfinish(i1, i2)\n");
  CHECK(optimize_text(text, "pure") == "[i0]\nfinish(i0, 7)\n");
  OptimizerConfig c;
  CHECK_FALSE(c.parse("pure,bogus").empty());
}

TEST_CASE("resume data: delayed writes round-trip and print") {
  FieldDescr acc("frame.acc");
  ResumeStorage s;
  PendingWrite w{&acc, Tagged::make(Tag::Box, 0), Tagged::make(Tag::Virtual, 0)};
  VirtualDescription v;
  v.kind = VirtualKind::Array;
  v.items = {Tagged::make(Tag::Int, 3)};
  uint32_t g = s.add_guard({ResumeFrame{0, 4, {Tagged::make(Tag::Box, 0)}}}, {v}, 1, {w});
  auto writes = s.pending_writes(g);
  REQUIRE(writes.size() == 1);
  CHECK(writes[0].field == &acc);
  CHECK(writes[0].object == w.object);
  CHECK(writes[0].value == w.value);
  CHECK(print_resume(s, g) == "  frame 0 code 0 pc 4: [#0]\n  v0 = array[1] {3}\n  write #0.frame.acc = v0\n");
  std::vector<std::pair<Word, Word>> done;
  apply_pending_writes(s, g, {100}, {200}, [&](Word obj, const FieldDescr* f, Word value) {
    CHECK(f == &acc);
    done.emplace_back(obj, value);
  });
  REQUIRE(done.size() == 1);
  CHECK(done[0] == std::make_pair(Word{100}, Word{200}));
}

TEST_CASE("optimizer: lazy setfields keep the last write and describe the delayed ones at guards") {
  TraceNamespace names;
  Trace t = parse_trace(
      "object frame { pc: int }\n[p0, i1]\nsetfield_gc(p0, 1, descr=frame.pc)\nguard_true(i1, descr=g0) [p0]\n"
      "setfield_gc(p0, 2, descr=frame.pc)\nsetfield_gc(p0, 3, descr=frame.pc)\nfinish(p0)\n",
      names);
  OptimizedTrace o = optimize_trace(t, names);
  CHECK(print_trace(o.trace, &names) ==
        "[p0, i1]\nguard_true(i1, descr=g0) [p0]\nsetfield_gc(p0, 3, descr=frame.pc)\nfinish(p0)\n");
  REQUIRE(o.resume_index[0] >= 0);
  auto writes = o.resume->pending_writes(static_cast<uint32_t>(o.resume_index[0]));
  REQUIRE(writes.size() == 1);
  CHECK(writes[0].value == Tagged::make(Tag::Int, 1));
}
