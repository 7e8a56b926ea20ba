// Every trace operation on the x86-64 backend gives what the reference interpreter (ops.h) gives,
// edge cases included: overflow, INT_MIN // -1, division by zero, shifts by >= 64 and negative
// counts, nan, -0.0, inf, float -> int saturation. Each operation is compiled with variable
// arguments, with a constant on either side (other encodings), and, for comparisons, fused with
// a guard.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <climits>
#include <string>
#include <vector>

#include "runtime/jit/ir/opcode.h"
#include "runtime/jit/testing/trace_file_runner.h"

using namespace rpp::jit;

namespace {

const std::vector<std::string> kInts = {
    "0", "1", "-1", "2", "-2", "3", "7", "-7", "63", "64", "65", "-63", "-64", "100", "-100", "255",
    "9223372036854775807", "-9223372036854775808", "-9223372036854775807", "2147483647", "-2147483648",
    "4294967296", "12345678901", "-12345678901"};
const std::vector<std::string> kFloats = {
    "0.0", "-0.0", "1.0", "-1.0", "0.5", "-2.5", "1e308", "-1e308", "5e-324", "inf", "-inf", "nan",
    "3.141592653589793", "9007199254740992.0", "9.223372036854775e18", "-9.223372036854776e18", "1e19", "-1e19",
    "4.5", "-4.5"};

std::vector<std::string> run(const std::string& backend, const std::string& text,
                             const std::vector<std::vector<std::string>>& args) {
  TraceFileRun r;
  r.backend = backend;
  r.arg_sets = args;
  return run_trace_file(text, r).exits;
}

// Runs `text` on both backends and checks they agree on every argument set.
void agree(const std::string& text, const std::vector<std::vector<std::string>>& args) {
  auto reference = run("interp", text, args);
  auto x86 = run("x86", text, args);
  REQUIRE(reference.size() == x86.size());
  for (size_t i = 0; i < reference.size(); ++i) {
    if (reference[i] == x86[i]) continue;
    std::string a;
    for (auto& s : args[i]) a += s + " ";
    FAIL_CHECK("trace:\n" << text << "args: " << a << "\nreference:\n" << reference[i] << "x86:\n" << x86[i]);
  }
}

std::vector<std::vector<std::string>> pairs(const std::vector<std::string>& xs, const std::vector<std::string>& ys) {
  std::vector<std::vector<std::string>> out;
  for (auto& x : xs)
    for (auto& y : ys) out.push_back({x, y});
  return out;
}

std::vector<std::vector<std::string>> singles(const std::vector<std::string>& xs) {
  std::vector<std::vector<std::string>> out;
  for (auto& x : xs) out.push_back({x});
  return out;
}

const char* kIntBinary[] = {"int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_or",
                            "int_xor", "int_lshift", "int_rshift", "uint_rshift", "uint_floordiv", "uint_mod",
                            "int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_le",
                            "uint_gt", "uint_ge"};
const char* kIntUnary[] = {"int_neg", "int_invert", "int_abs", "int_is_zero", "int_is_true", "int_force_ge_zero",
                           "same_as"};
const char* kFloatBinary[] = {"float_add", "float_sub", "float_mul", "float_truediv"};
const char* kFloatCompare[] = {"float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"};

bool is_comparison(const std::string& op) {
  auto code = opcode_from_name(op);
  return code && has_flag(*code, kBoolResult);
}

}  // namespace

TEST_CASE("integer binary operations, variable arguments") {
  for (const char* op : kIntBinary) {
    CAPTURE(op);
    agree("[i0, i1]\ni2 = " + std::string(op) + "(i0, i1)\nfinish(i2)\n", pairs(kInts, kInts));
  }
}

TEST_CASE("integer binary operations with a constant") {
  for (const char* op : kIntBinary) {
    for (const auto& c : kInts) {
      CAPTURE(op);
      CAPTURE(c);
      agree("[i0]\ni2 = " + std::string(op) + "(i0, " + c + ")\nfinish(i2)\n", singles(kInts));
      agree("[i0]\ni2 = " + std::string(op) + "(" + c + ", i0)\nfinish(i2)\n", singles(kInts));
    }
  }
}

TEST_CASE("comparisons fused with guards") {
  for (const char* op : kIntBinary) {
    if (!is_comparison(op)) continue;
    CAPTURE(op);
    for (const char* guard : {"guard_true", "guard_false"})
      agree("[i0, i1]\ni2 = " + std::string(op) + "(i0, i1)\n" + guard + "(i2) [i0, i1]\nfinish(7)\n",
            pairs(kInts, kInts));
  }
  for (const char* op : kFloatCompare) {
    CAPTURE(op);
    for (const char* guard : {"guard_true", "guard_false"})
      agree("[f0, f1]\ni2 = " + std::string(op) + "(f0, f1)\n" + guard + "(i2) [f0, f1]\nfinish(7)\n",
            pairs(kFloats, kFloats));
  }
}

TEST_CASE("integer unary operations") {
  for (const char* op : kIntUnary) {
    CAPTURE(op);
    agree("[i0]\ni1 = " + std::string(op) + "(i0)\nfinish(i1)\n", singles(kInts));
  }
  agree("[i0]\ni1 = int_is_true(i0)\nguard_true(i1) [i0]\nfinish(i0)\n", singles(kInts));
  agree("[i0]\ni1 = int_is_zero(i0)\nguard_false(i1) [i0]\nfinish(i0)\n", singles(kInts));
}

TEST_CASE("overflow-checked operations and their guards") {
  for (const char* op : {"int_add_ovf", "int_sub_ovf", "int_mul_ovf"}) {
    CAPTURE(op);
    agree("[i0, i1]\ni2 = " + std::string(op) + "(i0, i1)\nguard_no_overflow() [i0, i1]\nfinish(i2)\n",
          pairs(kInts, kInts));
    agree("[i0, i1]\ni2 = " + std::string(op) + "(i0, i1)\nguard_overflow() [i0, i1]\nfinish(i0)\n",
          pairs(kInts, kInts));
    for (const char* c : {"1", "-1", "2", "1000000007", "-9223372036854775808"})
      agree("[i0]\ni2 = " + std::string(op) + "(i0, " + c + ")\nguard_no_overflow() [i0]\nfinish(i2)\n",
            singles(kInts));
  }
}

TEST_CASE("float operations") {
  for (const char* op : kFloatBinary) {
    CAPTURE(op);
    agree("[f0, f1]\nf2 = " + std::string(op) + "(f0, f1)\nfinish(f2)\n", pairs(kFloats, kFloats));
    agree("[f0]\nf2 = " + std::string(op) + "(f0, -0.75)\nfinish(f2)\n", singles(kFloats));
    agree("[f0]\nf2 = " + std::string(op) + "(1e-300, f0)\nfinish(f2)\n", singles(kFloats));
  }
  for (const char* op : kFloatCompare) {
    CAPTURE(op);
    agree("[f0, f1]\ni2 = " + std::string(op) + "(f0, f1)\nfinish(i2)\n", pairs(kFloats, kFloats));
  }
  for (const char* op : {"float_neg", "float_abs", "same_as"}) {
    CAPTURE(op);
    agree("[f0]\nf1 = " + std::string(op) + "(f0)\nfinish(f1)\n", singles(kFloats));
  }
}

TEST_CASE("casts and conversions") {
  agree("[f0]\ni1 = cast_float_to_int(f0)\nfinish(i1)\n", singles(kFloats));
  agree("[i0]\nf1 = cast_int_to_float(i0)\nfinish(f1)\n", singles(kInts));
  agree("[f0]\ni1 = convert_float_bytes_to_longlong(f0)\nfinish(i1)\n", singles(kFloats));
  agree("[i0]\nf1 = convert_longlong_bytes_to_float(i0)\nfinish(f1)\n", singles(kInts));
  agree("[i0]\np1 = cast_int_to_ptr(i0)\ni2 = cast_ptr_to_int(p1)\nfinish(i2)\n", singles(kInts));
}

TEST_CASE("guards on values") {
  agree("[i0]\nguard_value(i0, 7) [i0]\nfinish(1)\n", singles(kInts));
  agree("[i0]\nguard_value(i0, 12345678901) [i0]\nfinish(1)\n", singles(kInts));
  agree("[i0, i1]\nguard_value(i0, i1) [i0]\nfinish(1)\n", pairs(kInts, {"7", "-1"}));
  agree("[i0]\nguard_true(i0) [i0]\nguard_false(i0) [i0]\nfinish(1)\n", singles(kInts));
  agree("[p0]\nguard_nonnull(p0) []\nguard_isnull(p0) []\nfinish(1)\n", {{"null"}, {"str:x"}});
}
