// Tests of the x86-64 backend beyond single operations: loops, bridges (also from bridges and
// from guards with two jumps), GC references in compiled code, collections during calls with
// references in registers and spill slots, redirection, invalidation, frame reallocation, W^X.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/testing/describe.h"
#include "runtime/jit/testing/test_gc.h"
#include "runtime/jit/testing/test_helpers.h"
#include "runtime/ops.h"

using namespace rpp::jit;
using rpp::layout::GcHeader;
namespace ops = rpp::ops;

namespace {

struct X86Harness {
  TraceNamespace names;
  TestEnv env;
  std::vector<ParsedTrace> traces;
  std::unique_ptr<TestGc> gc;
  std::unique_ptr<x86::X86Cpu> cpu;
  explicit X86Harness(const std::string& text, TestGc::Options options = {}, bool compile = true) {
    register_test_helpers(names, &env);
    parse_declarations(declarations(text), names);
    gc = std::make_unique<TestGc>(names.type_table(), options);
    cpu = std::make_unique<x86::X86Cpu>(gc->hooks(), size_t{64} << 20);
    env.gc = gc.get();
    env.cpu = cpu.get();
    if (!body(text).empty()) traces = parse_trace_file(body(text), names);
    if (compile)
      for (auto& t : traces) {
        if (t.is_bridge) cpu->compile_bridge(t.guard, t.trace);
        else cpu->compile_loop(t.trace, t.loop);
      }
  }
  // Declarations first (so that objects can be made before the traces are parsed).
  static std::string declarations(const std::string& text) {
    auto at = text.find("===\n");
    return at == std::string::npos ? std::string() : text.substr(0, at);
  }
  static std::string body(const std::string& text) {
    auto at = text.find("===\n");
    return at == std::string::npos ? text : text.substr(at + 4);
  }
  JitFrame* run(std::vector<Word> args, size_t loop = 0) { return cpu->execute(traces.at(loop).loop, args); }
};

int64_t I(Word w) { return static_cast<int64_t>(w); }

}  // namespace

TEST_CASE("straight-line int arithmetic") {
  X86Harness h("[i0, i1]\ni2 = int_add(i0, i1)\ni3 = int_mul(i2, 3)\ni4 = int_sub(i3, i0)\nfinish(i4, i2)\n");
  JitFrame* f = h.run({5, 7});
  REQUIRE(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == 31);
  CHECK(I(h.cpu->value(f, 1)) == 12);
}

TEST_CASE("a float loop of three million iterations") {
  X86Harness h(
      "[i0, f1]\n"
      "label(i0, f1, descr=top)\n"
      "f2 = float_mul(f1, 1.0000001)\n"
      "f3 = float_add(f2, 0.5)\n"
      "i4 = int_sub(i0, 1)\n"
      "i5 = int_gt(i4, 0)\n"
      "guard_true(i5, descr=done) [f3]\n"
      "jump(i4, f3, descr=top)\n");
  JitFrame* f = h.run({3000000, std::bit_cast<Word>(1.0)});
  double expect = 1.0;
  for (int i = 0; i < 3000000; ++i) expect = ops::float_add(ops::float_mul(expect, 1.0000001), 0.5);
  CHECK(std::bit_cast<double>(h.cpu->value(f, 0)) == expect);
}

TEST_CASE("reference constants go through the loop's table, which the GC updates") {
  X86Harness h("struct box { v: int }\n===\n", {}, false);
  auto* box = static_cast<SizeDescr*>(h.names.find("box"));
  GcHeader* obj = h.gc->malloc_fixed(box->type_id, box->size);
  ops::store<int64_t>(obj, 8, 1234);
  REQUIRE(h.gc->is_young(obj));
  h.names.add_object("the_box", reinterpret_cast<Word>(obj));
  Trace t = parse_trace("[i0]\ni1 = getfield_gc(ConstPtr(the_box), descr=box.v)\ni2 = int_add(i1, i0)\nfinish(i2, ConstPtr(the_box))\n",
                        h.names);
  LoopToken token("t");
  h.cpu->compile_loop(t, &token);
  h.gc->collect();  // the box moves out of the nursery; the table word follows it
  Word args[] = {1};
  JitFrame* f = h.cpu->execute(&token, args);
  CHECK(I(h.cpu->value(f, 0)) == 1235);
  Word moved = h.cpu->value(f, 1);
  CHECK(moved != reinterpret_cast<Word>(obj));
  CHECK_FALSE(h.gc->is_young(reinterpret_cast<void*>(moved)));
  CHECK(ops::load<int64_t>(reinterpret_cast<void*>(moved), 8) == 1234);
}

TEST_CASE("a collection during a call, with references in registers and spill slots") {
  // 20 references live across the call: more than there are registers.
  std::string text = "struct node { v: int }\n===\n[i0]\n";
  for (int k = 0; k < 20; ++k) {
    text += "p" + std::to_string(100 + k) + " = new(descr=node)\n";
    text += "setfield_gc(p" + std::to_string(100 + k) + ", " + std::to_string(k) + ", descr=node.v)\n";
  }
  text += "i1 = call(ConstClass(gc_collect_int), ConstClass(env), i0, descr=gc_collect_int)\n";
  std::string sum = "i1";
  for (int k = 0; k < 20; ++k) {
    text += "i" + std::to_string(200 + k) + " = getfield_gc(p" + std::to_string(100 + k) + ", descr=node.v)\n";
    text += "i" + std::to_string(300 + k) + " = int_add(" + sum + ", i" + std::to_string(200 + k) + ")\n";
    sum = "i" + std::to_string(300 + k);
  }
  text += "finish(" + sum + ", p100, p119)\n";
  X86Harness h(text);
  size_t before = h.gc->collections();
  JitFrame* f = h.run({1000});
  CHECK(h.gc->collections() == before + 1);
  CHECK(I(h.cpu->value(f, 0)) == 1000 + 190);
  CHECK_FALSE(h.gc->is_young(reinterpret_cast<void*>(h.cpu->value(f, 1))));
  CHECK(ops::load<int64_t>(reinterpret_cast<void*>(h.cpu->value(f, 2)), 8) == 19);
}

TEST_CASE("a bridge from a bridge, and a bridge from a guard with two jumps") {
  X86Harness h(
      "object cell { v: int }\n===\n"
      "loop main:\n"
      "[i0, p1]\n"
      "label(i0, p1, descr=top)\n"
      "guard_nonnull_class(p1, ConstClass(cell), descr=cls) [i0, p1]\n"
      "i2 = int_sub(i0, 1)\n"
      "i3 = int_gt(i2, 0)\n"
      "guard_true(i3, descr=end) [i2]\n"
      "jump(i2, p1, descr=top)\n"
      "bridge end:\n"
      "[i4]\n"
      "i5 = int_eq(i4, 0)\n"
      "guard_true(i5, descr=again) [i4]\n"
      "finish(i4)\n"
      "bridge again:\n"
      "[i6]\n"
      "i7 = int_mul(i6, 10)\n"
      "finish(i7)\n"
      "bridge cls:\n"
      "[i8, p9]\n"
      "finish(-1, p9)\n");
  auto* cell = static_cast<SizeDescr*>(h.names.find("cell"));
  GcHeader* c = h.gc->malloc_old(cell->type_id, cell->size);
  ops::store<Word>(c, rpp::layout::kTypeptrOffset, cell->vtable);
  JitFrame* f = h.run({5, reinterpret_cast<Word>(c)});
  CHECK(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == 0);  // through `end` (a bridge), then its finish
  f = h.run({static_cast<Word>(-3), reinterpret_cast<Word>(c)});
  CHECK(I(h.cpu->value(f, 0)) == -40);  // through `end`, then `again`
  f = h.run({5, 0});
  CHECK(I(h.cpu->value(f, 0)) == -1);  // the null check's jump of guard_nonnull_class
  auto* error = static_cast<SizeDescr*>(h.names.find("TestError"));
  GcHeader* e = h.gc->malloc_old(error->type_id, error->size);
  ops::store<Word>(e, rpp::layout::kTypeptrOffset, error->vtable);
  f = h.run({5, reinterpret_cast<Word>(e)});
  CHECK(I(h.cpu->value(f, 0)) == -1);  // the class check's jump
}

TEST_CASE("redirecting a loop to another") {
  X86Harness h(
      "loop a:\n[i0]\ni1 = int_add(i0, 1)\nfinish(i1)\n"
      "loop b:\n[i0]\ni1 = int_mul(i0, 100)\nfinish(i1)\n"
      "loop c:\n[i0]\ni1 = call_assembler(i0, descr=a)\nfinish(i1)\n");
  CHECK(I(h.cpu->value(h.run({7}, 0), 0)) == 8);
  CHECK(I(h.cpu->value(h.run({7}, 2), 0)) == 8);
  h.cpu->redirect(h.traces[0].loop, h.traces[1].loop);
  CHECK(I(h.cpu->value(h.run({7}, 0), 0)) == 700);
  CHECK(I(h.cpu->value(h.run({7}, 2), 0)) == 700);  // call_assembler goes to the new loop too
}

TEST_CASE("invalidating a loop makes its guard_not_invalidated fail") {
  X86Harness h(
      "[i0]\n"
      "label(i0, descr=top)\n"
      "guard_not_invalidated(descr=inv) [i0]\n"
      "i1 = int_add(i0, 1)\n"
      "i2 = int_lt(i1, 1000)\n"
      "guard_true(i2, descr=done) [i1]\n"
      "jump(i1, descr=top)\n");
  JitFrame* f = h.run({0});
  CHECK(f->descr == h.names.find("done"));
  h.cpu->invalidate(h.traces[0].loop);
  f = h.run({5});
  CHECK(f->descr == h.names.find("inv"));
  CHECK(I(h.cpu->value(f, 0)) == 5);
}

TEST_CASE("frames too small for a loop or a bridge are reallocated on entry") {
  // Many values live across a call: the bridge spills them all, needing a deeper frame.
  std::string bridge = "bridge g:\n[i10]\n";
  for (int k = 0; k < 40; ++k) bridge += "i" + std::to_string(100 + k) + " = int_add(i10, " + std::to_string(k) + ")\n";
  bridge += "call(ConstClass(gc_collect), ConstClass(env), descr=gc_collect)\n";
  std::string sum = "i10";
  for (int k = 0; k < 40; ++k) {
    bridge += "i" + std::to_string(200 + k) + " = int_add(" + sum + ", i" + std::to_string(100 + k) + ")\n";
    sum = "i" + std::to_string(200 + k);
  }
  bridge += "finish(" + sum + ")\n";
  X86Harness h("loop main:\n[i0]\ni1 = int_add(i0, 1)\nguard_false(i0, descr=g) [i1]\nfinish(i1)\n" + bridge);
  const auto* loop = h.cpu->loop_data(h.traces[0].loop);
  REQUIRE(loop->pieces.size() == 2);
  int loop_depth = loop->pieces[0]->frame_depth;
  CHECK(loop->pieces[1]->frame_depth > loop_depth);
  // A frame only as deep as the loop itself needs (as if allocated before the bridge existed).
  auto* frame = reinterpret_cast<JitFrame*>(h.gc->malloc_varsize(kTidJitFrame, loop_depth));
  frame->slots[kFrameFirstSpillSlot] = 2;
  using Entry = JitFrame* (*)(JitFrame*);
  JitFrame* out = reinterpret_cast<Entry>(loop->entry)(frame);
  CHECK(out != frame);
  CHECK(out->length >= loop->pieces[1]->frame_depth);
  CHECK(I(h.cpu->value(out, 0)) == 3 + 40 * 3 + 780);
  // And a frame too small for the loop itself.
  auto* tiny = reinterpret_cast<JitFrame*>(h.gc->malloc_varsize(kTidJitFrame, kFrameFirstSpillSlot + 1));
  tiny->slots[kFrameFirstSpillSlot] = 0;
  out = reinterpret_cast<Entry>(loop->entry)(tiny);
  CHECK(I(h.cpu->value(out, 0)) == 1);
}

TEST_CASE("code memory is never writable and executable at once; freed loops give their pages back") {
  X86Harness h("[i0]\ni1 = int_add(i0, 1)\nguard_true(i1, descr=g) [i0]\nfinish(i1)\n");
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream in(line);
    std::string range, perms;
    in >> range >> perms;
    CAPTURE(line);
    CHECK_FALSE((perms[1] == 'w' && perms[2] == 'x'));
  }
  size_t pages = h.cpu->code_memory().pages_in_use();
  LoopToken extra("extra");
  std::string big = "[i0]\n";
  for (int k = 1; k < 2000; ++k) big += "i" + std::to_string(k) + " = int_mul(i" + std::to_string(k - 1) + ", 3)\n";
  big += "finish(i1999)\n";
  Trace t = parse_trace(big, h.names);
  h.cpu->compile_loop(t, &extra);
  CHECK(h.cpu->code_memory().pages_in_use() > pages);
  h.cpu->free_loop(&extra);
  CHECK(h.cpu->code_memory().pages_in_use() == pages);
}

TEST_CASE("forcing a frame from a call, and the exit values of the forced guard") {
  X86Harness h(
      "[i0, f1]\n"
      "i2 = int_add(i0, 1)\n"
      "p3 = force_token()\n"
      "i4 = call_may_force(ConstClass(force_frame), ConstClass(env), p3, descr=force_frame)\n"
      "guard_not_forced(descr=forced) [i0, f1, i2]\n"
      "finish(i4)\n");
  JitFrame* f = h.run({41, std::bit_cast<Word>(0.5)});
  CHECK(f->descr == h.names.find("forced"));
  CHECK(h.env.forced_frames == 1);
  CHECK(I(h.cpu->value(f, 0)) == 41);
  CHECK(std::bit_cast<double>(h.cpu->value(f, 1)) == 0.5);
  CHECK(I(h.cpu->value(f, 2)) == 42);
}

TEST_CASE("a bridge attached after the loop ran: the next run takes it") {
  X86Harness h(
      "[i0, i1]\n"
      "label(i0, i1, descr=top)\n"
      "i2 = int_add(i0, 1)\n"
      "i3 = int_lt(i2, 1000)\n"
      "guard_true(i3, descr=hot) [i2, i1]\n"
      "i4 = int_add(i1, i2)\n"
      "jump(i2, i4, descr=top)\n");
  JitFrame* f = h.run({0, 0});
  CHECK(f->descr == h.names.find("hot"));
  CHECK(I(h.cpu->value(f, 1)) == 999 * 1000 / 2);
  auto* guard = static_cast<FailDescr*>(h.names.find("hot"));
  REQUIRE(guard->patch_site != nullptr);
  Trace bridge = parse_trace("[i5, i6]\ni7 = int_mul(i6, 2)\nfinish(i7, i5)\n", h.names);
  h.cpu->compile_bridge(guard, bridge);
  f = h.run({0, 0});
  CHECK(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == 999 * 1000);
  CHECK(I(h.cpu->value(f, 1)) == 1000);
}
