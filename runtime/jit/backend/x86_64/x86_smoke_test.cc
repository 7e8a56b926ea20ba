// First tests of the x86-64 backend: straight-line code, loops, guards.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/ir/trace_parser.h"
#include "runtime/jit/testing/test_gc.h"

using namespace rpp::jit;

namespace {

struct X86Harness {
  TraceNamespace names;
  std::vector<ParsedTrace> traces;
  std::unique_ptr<TestGc> gc;
  std::unique_ptr<x86::X86Cpu> cpu;
  explicit X86Harness(const std::string& text, TestGc::Options options = {}) {
    traces = parse_trace_file(text, names);
    gc = std::make_unique<TestGc>(names.type_table(), options);
    cpu = std::make_unique<x86::X86Cpu>(gc->hooks(), size_t{64} << 20);
    for (auto& t : traces) {
      if (t.is_bridge) cpu->compile_bridge(t.guard, t.trace);
      else cpu->compile_loop(t.trace, t.loop);
    }
  }
  JitFrame* run(std::vector<Word> args, size_t loop = 0) { return cpu->execute(traces.at(loop).loop, args); }
};

int64_t I(Word w) { return static_cast<int64_t>(w); }

}  // namespace

TEST_CASE("x86: straight-line int arithmetic") {
  X86Harness h(
      "[i0, i1]\n"
      "i2 = int_add(i0, i1)\n"
      "i3 = int_mul(i2, 3)\n"
      "i4 = int_sub(i3, i0)\n"
      "finish(i4, i2)\n");
  JitFrame* f = h.run({5, 7});
  REQUIRE(f->descr->finish);
  CHECK(I(h.cpu->value(f, 0)) == 31);
  CHECK(I(h.cpu->value(f, 1)) == 12);
}

TEST_CASE("x86: a loop counting to a million") {
  X86Harness h(
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
