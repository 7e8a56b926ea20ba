// Unit tests of the ll interpreter: graphs parsed from LL text run on real memory.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "runtime/layout.h"
#include "translator/ll/ll_parser.h"
#include "translator/llinterp/helper_calls.h"
#include "translator/llinterp/llinterp.h"
#include "translator/llinterp/operation_evaluators.h"

using namespace rpp;
using namespace rpp::llinterp;

namespace {

LLInterpreter::Outcome run(ll::LLModule& m, const char* graph, std::vector<Word> args, InterpOptions options = {}) {
  LLInterpreter interp(m.types(), nullptr, options);
  return interp.call(m.find_graph(graph), args);
}

}  // namespace

TEST_CASE("evaluators come from the table and ops.h; the overflow check is the _ovf variant") {
  const OperationEvaluator* add = find_evaluator("int_add");
  REQUIRE(add);
  CHECK(add->arity == 2);
  REQUIRE(bool(add->overflow_check));
  Word args[2] = {Word(INT64_MAX), 1};
  Word r = 0;
  CHECK(add->evaluate(args, &r) == ops::OpError::None);
  CHECK(int64_t(r) == INT64_MIN);
  CHECK(add->overflow_check(args, &r) == ops::OpError::Overflow);
  CHECK(!bool(find_evaluator("int_add_ovf")->overflow_check));
  CHECK(!bool(find_evaluator("uint_add")->overflow_check));
  CHECK(bool(find_evaluator("int_floordiv")->overflow_check));
  CHECK(find_evaluator("getfield") == nullptr);
  CHECK(find_evaluator("direct_call") == nullptr);
  Word f[2] = {to_word(7.0), to_word(2.0)};
  CHECK(find_evaluator("float_floordiv")->evaluate(f, &r) == ops::OpError::None);
  CHECK(from_word<double>(r) == 3.0);
}

TEST_CASE("loops, calls, structs and arrays") {
  auto m = ll::parse_ll_module(R"(
gcstruct Point {
  super: object
  x: Signed
  y: Float
}
graph @sum(Signed) -> Signed {
b0(n: Signed):
  goto b1(n, 0)
b1(i: Signed, acc: Signed):
  c: Bool = int_gt(i, 0)
  switch c {
    false -> return(acc)
    true -> b2(i, acc)
  }
b2(i2: Signed, acc2: Signed):
  a: Signed = int_add(acc2, i2)
  j: Signed = int_sub(i2, 1)
  goto b1(j, a)
}
graph @point(Signed) -> Float {
b0(n: Signed):
  p: Ptr(Point) = malloc(<Point>, "gc")
  s: Signed = direct_call(@sum, n)
  setfield(p, "x", s)
  x: Signed = getfield(p, "x")
  f: Float = cast_int_to_float(x)
  setfield(p, "y", f)
  arr: Ptr(GcArray(Float)) = malloc_varsize(<GcArray(Float)>, "gc", 3)
  setarrayitem(arr, 2, f)
  g: Float = getarrayitem(arr, 2)
  len: Signed = getarraysize(arr)
  lf: Float = cast_int_to_float(len)
  r: Float = float_add(g, lf)
  goto return(r)
}
)", "test.ll");
  auto o = run(*m, "sum", {10});
  CHECK(!o.raised);
  CHECK(o.value == 55);
  o = run(*m, "point", {4});
  CHECK(from_word<double>(o.value) == 13.0);
}

TEST_CASE("a raising operation takes the exception link that catches its class") {
  auto m = ll::parse_ll_module(R"(
gcstruct OverflowError {
  super: object
}
graph @add(Signed, Signed) -> Signed {
b0(a: Signed, b: Signed):
  r: Signed = int_add_ovf(a, b)
  catch {
    ok -> return(r)
    vtable(OverflowError):Ptr(object_vtable) -> return(-1)
  }
}
graph @uncaught(Signed) -> Signed {
b0(a: Signed):
  r: Signed = int_floordiv_zer(a, 0)
  goto return(r)
}
)", "test.ll");
  CHECK(run(*m, "add", {1, 2}).value == 3);
  CHECK(int64_t(run(*m, "add", {Word(INT64_MAX), 1}).value) == -1);
  LLInterpreter interp(m->types(), nullptr);
  auto o = interp.call(m->find_graph("uncaught"), {5});
  CHECK(o.raised);
  CHECK(interp.describe_exception(o.exception) == "ZeroDivisionError");
}

TEST_CASE("the overflow check stops at a wrapping operation, located") {
  auto m = ll::parse_ll_module(R"(
graph @wrap(Signed) -> Signed {
b0(a: Signed):
  r: Signed = int_mul(a, a)
  goto return(r)
}
)", "wrap.ll");
  CHECK(run(*m, "wrap", {Word(int64_t(1) << 40)}).value == 0);
  InterpOptions check;
  check.check_overflow = true;
  CHECK(run(*m, "wrap", {3}, check).value == 9);
  try {
    run(*m, "wrap", {Word(int64_t(1) << 40)}, check);
    FAIL("no report");
  } catch (const InterpError& e) {
    CHECK(std::string(e.what()).find("wrap.ll:4:") == 0);
    CHECK(std::string(e.what()).find("int_mul(1099511627776, 1099511627776) wraps around") != std::string::npos);
    CHECK(e.exit_code() == kOverflowExitCode);
  }
}

TEST_CASE("float repr is Python's") {
  CHECK(float_repr(7.0) == "7.0");
  CHECK(float_repr(0.1) == "0.1");
  CHECK(float_repr(1e16) == "1e+16");
  CHECK(float_repr(1e15) == "1000000000000000.0");
  CHECK(float_repr(1e-5) == "1e-05");
  CHECK(float_repr(0.0001) == "0.0001");
  CHECK(float_repr(-0.0) == "-0.0");
  CHECK(float_repr(1.5e300) == "1.5e+300");
  CHECK(float_repr(123456.789) == "123456.789");
  CHECK(float_repr(2.0 / 3.0) == "0.6666666666666666");
}
