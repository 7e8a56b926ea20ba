// Tests of the reference interpreter: arithmetic through ops.h, loops, guards, bridges, memory,
// allocation under a moving GC, calls, exceptions, forcing, call_assembler, invalidation.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "runtime/jit/interp/reference_interpreter.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/testing/test_gc.h"

using namespace rpp::jit;

namespace {

struct Harness {
  TraceNamespace names;
  std::vector<ParsedTrace> traces;
  std::unique_ptr<TestGc> gc;
  std::unique_ptr<ReferenceInterpreter> cpu;

  explicit Harness(const std::string& text, TestGc::Options options = {}) {
    traces = parse_trace_file(text, names);
    gc = std::make_unique<TestGc>(names.type_table(), options);
    cpu = std::make_unique<ReferenceInterpreter>(gc->hooks());
    for (auto& t : traces) {
      if (t.is_bridge) cpu->compile_bridge(t.guard, t.trace);
      else cpu->compile_loop(t.trace, t.loop);
    }
  }
  JitFrame* run(std::vector<Word> args, size_t loop = 0) { return cpu->execute(traces.at(loop).loop, args); }
};

int64_t I(Word w) { return static_cast<int64_t>(w); }

}  // namespace

TEST_CASE("straight-line arithmetic with Python semantics") {
  Harness h(
      "[i0, i1]\n"
      "i2 = int_floordiv(i0, i1)\n"
      "i3 = int_mod(i0, i1)\n"
      "i4 = int_lshift(i0, 70)\n"
      "i5 = int_rshift(i0, 64)\n"
      "finish(i2, i3, i4, i5)\n");
  JitFrame* f = h.run({Word(-7), Word(2)});
  CHECK(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == -4);
  CHECK(I(h.cpu->value(f, 1)) == 1);
  CHECK(I(h.cpu->value(f, 2)) == 0);
  CHECK(I(h.cpu->value(f, 3)) == -1);
  f = h.run({Word(INT64_MIN), Word(-1)});
  CHECK(I(h.cpu->value(f, 0)) == INT64_MIN);
  CHECK(I(h.cpu->value(f, 1)) == 0);
}

TEST_CASE("a counting loop exits through its guard on the n-th iteration") {
  Harness h(
      "[i0, i1]\n"
      "label(i0, i1, descr=top)\n"
      "i2 = int_add(i0, 1)\n"
      "i3 = int_lt(i2, i1)\n"
      "guard_true(i3, descr=done) [i2]\n"
      "jump(i2, i1, descr=top)\n");
  JitFrame* f = h.run({0, 1000000});
  CHECK(f->descr == h.names.find("done"));
  CHECK(I(h.cpu->value(f, 0)) == 1000000);
}

TEST_CASE("overflow guards") {
  Harness h(
      "[i0]\n"
      "i1 = int_add_ovf(i0, 1)\n"
      "guard_no_overflow(descr=ovf) [i0]\n"
      "finish(i1)\n");
  CHECK(I(h.cpu->value(h.run({41}), 0)) == 42);
  JitFrame* f = h.run({Word(INT64_MAX)});
  CHECK(f->descr == h.names.find("ovf"));
  CHECK(I(h.cpu->value(f, 0)) == INT64_MAX);
}

TEST_CASE("a bridge attached to a guard runs when the guard fails") {
  Harness h(
      "loop main:\n"
      "[i0]\n"
      "label(i0, descr=top)\n"
      "i1 = int_sub(i0, 1)\n"
      "i2 = int_gt(i1, 0)\n"
      "guard_true(i2, descr=g) [i1]\n"
      "jump(i1, descr=top)\n"
      "bridge g:\n"
      "[i5]\n"
      "i6 = int_add(i5, 100)\n"
      "finish(i6)\n");
  JitFrame* f = h.run({10});
  CHECK(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == 100);
}

TEST_CASE("a bridge jumping back into its loop") {
  Harness h(
      "loop main:\n"
      "[i0, i1]\n"
      "label(i0, i1, descr=top)\n"
      "i2 = int_add(i0, 1)\n"
      "i3 = int_and(i2, 1)\n"
      "guard_true(i3, descr=odd) [i2, i1]\n"
      "i4 = int_lt(i2, 1001)\n"
      "guard_true(i4, descr=end) [i2, i1]\n"
      "jump(i2, i1, descr=top)\n"
      "bridge odd:\n"
      "[i5, i6]\n"
      "i7 = int_add(i6, 1)\n"
      "jump(i5, i7, descr=top)\n");
  JitFrame* f = h.run({0, 0});
  CHECK(f->descr == h.names.find("end"));
  CHECK(I(h.cpu->value(f, 0)) == 1001);
  CHECK(I(h.cpu->value(f, 1)) == 500);  // the even numbers 2..1000 went through the bridge
}

TEST_CASE("allocation and fields survive minor collections") {
  TestGc::Options stress;
  stress.stress = true;
  stress.nursery_bytes = 4096;
  Harness h(
      "struct node { value: int, next: ref }\n"
      "loop build:\n"
      "[i0, p1]\n"
      "label(i0, p1, descr=build_top)\n"
      "p2 = new(descr=node)\n"
      "setfield_gc(p2, i0, descr=node.value)\n"
      "setfield_gc(p2, p1, descr=node.next)\n"
      "i3 = int_sub(i0, 1)\n"
      "i4 = int_gt(i3, 0)\n"
      "guard_true(i4, descr=built) [p2]\n"
      "jump(i3, p2, descr=build_top)\n"
      "loop sum:\n"
      "[p0, i1]\n"
      "label(p0, i1, descr=sum_top)\n"
      "i2 = getfield_gc(p0, descr=node.value)\n"
      "i3 = int_add(i1, i2)\n"
      "p4 = getfield_gc(p0, descr=node.next)\n"
      "guard_nonnull(p4, descr=summed) [i3]\n"
      "jump(p4, i3, descr=sum_top)\n",
      stress);
  JitFrame* f = h.run({200, 0}, 0);
  CHECK(f->descr == h.names.find("built"));
  Word list = h.cpu->value(f, 0);
  CHECK(h.gc->collections() >= 200);
  f = h.run({list, 0}, 1);
  CHECK(f->descr == h.names.find("summed"));
  CHECK(I(h.cpu->value(f, 0)) == 200 * 201 / 2);
}

namespace {
int64_t add3(int64_t a, int64_t b, int64_t c) { return a + b + c; }
double mix(int64_t a, double x, int64_t b, double y) { return double(a) * x + double(b) * y; }
int64_t many(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
}  // namespace

TEST_CASE("calls with int, float and stack arguments") {
  TraceNamespace pre;
  std::string text =
      "call cd3(int, int, int) -> int [cannot_raise]\n"
      "call cdmix(int, float, int, float) -> float [cannot_raise]\n"
      "call cd8(int, int, int, int, int, int, int, int) -> int [cannot_raise]\n"
      "[i0]\n"
      "i1 = call(ConstClass(add3), i0, 2, 3, descr=cd3)\n"
      "f2 = call(ConstClass(mix), i0, 0.5, 4, 0.25, descr=cdmix)\n"
      "i3 = call(ConstClass(many), 1, 1, 1, 1, 1, 1, 1, i0, descr=cd8)\n"
      "finish(i1, f2, i3)\n";
  TraceNamespace names;
  names.add_symbol("add3", reinterpret_cast<Word>(&add3));
  names.add_symbol("mix", reinterpret_cast<Word>(&mix));
  names.add_symbol("many", reinterpret_cast<Word>(&many));
  auto traces = parse_trace_file(text, names);
  TestGc gc(names.type_table());
  ReferenceInterpreter cpu(gc.hooks());
  cpu.compile_loop(traces[0].trace, traces[0].loop);
  Word args[] = {10};
  JitFrame* f = cpu.execute(traces[0].loop, args);
  CHECK(I(cpu.value(f, 0)) == 15);
  CHECK(std::bit_cast<double>(cpu.value(f, 1)) == 6.0);
  CHECK(I(cpu.value(f, 2)) == 28 + 80);
}
