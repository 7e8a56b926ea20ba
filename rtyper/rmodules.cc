// Calls of the functions of the `math`, `time`, `sys` and `os` modules that SEMANTICS.md allows
// (rmodules.h): each is a runtime helper of the helper table (libm behind CPython's error rules,
// never constant-folded), or inline float operations where the meaning is exact (fabs, isnan,
// isinf, isfinite).
#include "rtyper/rmodules.h"

#include <limits>
#include <map>

#include "rtyper/rmodel.h"
#include "rtyper/rsystem_exit.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Value;

namespace {

Repr* float_repr(RTyper& rtyper) { return rtyper.getrepr(annotator::s_float()); }
Repr* signed_repr(RTyper& rtyper) { return rtyper.getrepr(annotator::s_int()); }

// math functions that are one helper of Floats: name -> (helper, number of arguments).
const std::map<std::string, std::pair<std::string, size_t>, std::less<>>& float_helpers() {
  static const std::map<std::string, std::pair<std::string, size_t>, std::less<>> table = {
      {"sqrt", {"math_sqrt", 1}},   {"exp", {"math_exp", 1}},         {"expm1", {"math_expm1", 1}},
      {"log2", {"math_log2", 1}},   {"log10", {"math_log10", 1}},     {"log1p", {"math_log1p", 1}},
      {"sin", {"math_sin", 1}},     {"cos", {"math_cos", 1}},         {"tan", {"math_tan", 1}},
      {"asin", {"math_asin", 1}},   {"acos", {"math_acos", 1}},       {"atan", {"math_atan", 1}},
      {"sinh", {"math_sinh", 1}},   {"cosh", {"math_cosh", 1}},       {"tanh", {"math_tanh", 1}},
      {"asinh", {"math_asinh", 1}}, {"acosh", {"math_acosh", 1}},     {"atanh", {"math_atanh", 1}},
      {"erf", {"math_erf", 1}},     {"erfc", {"math_erfc", 1}},       {"gamma", {"math_gamma", 1}},
      {"lgamma", {"math_lgamma", 1}}, {"atan2", {"math_atan2", 2}},   {"hypot", {"math_hypot", 2}},
      {"fmod", {"math_fmod", 2}},   {"pow", {"math_pow", 2}},         {"copysign", {"math_copysign", 2}},
  };
  return table;
}

bool helper_can_raise(const std::string& helper) {
  return helper != "math_copysign" && helper != "math_atan2" && helper != "math_erf" && helper != "math_erfc";
}

void expect_count(Hop& hop, const std::string& name, const std::vector<size_t>& args, size_t lo, size_t hi) {
  if (args.size() >= lo && args.size() <= hi) return;
  std::string want = lo == hi ? std::to_string(lo) : std::to_string(lo) + " or " + std::to_string(hi);
  hop.fail(name + "() takes " + want + " argument" + (hi == 1 ? "" : "s") + ", not " + std::to_string(args.size()));
}

Value* float_arg(Hop& hop, size_t i) { return hop.arg(i, float_repr(hop.rtyper)); }

Value* call_maybe_raising(Hop& hop, const std::string& helper, std::vector<Value*> args, bool can_raise) {
  if (can_raise)
    hop.exception_is_here();
  else
    hop.exception_cannot_occur();
  return hop.llops.call_helper(helper, std::move(args));
}

Value* rtype_math(Hop& hop, const std::string& fn, const std::vector<size_t>& args) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  std::string name = "math." + fn;
  if (auto it = float_helpers().find(fn); it != float_helpers().end()) {
    const auto& [helper, count] = it->second;
    expect_count(hop, name, args, count, count);
    std::vector<Value*> values;
    for (size_t i : args) values.push_back(float_arg(hop, i));
    return call_maybe_raising(hop, helper, std::move(values), helper_can_raise(helper));
  }
  if (fn == "log") {
    expect_count(hop, name, args, 1, 2);
    if (args.size() == 1) return call_maybe_raising(hop, "math_log", {float_arg(hop, args[0])}, true);
    return call_maybe_raising(hop, "math_log_base", {float_arg(hop, args[0]), float_arg(hop, args[1])}, true);
  }
  if (fn == "ldexp") {
    expect_count(hop, name, args, 2, 2);
    if (hop.args_r[args[1]]->kind() != ReprKind::Integer && hop.args_r[args[1]]->kind() != ReprKind::Bool)
      hop.fail("math.ldexp() needs an int exponent, not " + hop.args_s[args[1]]->repr());
    return call_maybe_raising(hop, "math_ldexp", {float_arg(hop, args[0]), hop.arg(args[1], signed_repr(rtyper))},
                              true);
  }
  if (fn == "floor" || fn == "ceil" || fn == "trunc") {
    expect_count(hop, name, args, 1, 1);
    Repr* r = hop.args_r[args[0]];
    if (r->kind() == ReprKind::Integer || r->kind() == ReprKind::Bool) {  // an int is its own floor
      hop.exception_cannot_occur();
      return hop.arg(args[0], hop.r_result);
    }
    return call_maybe_raising(hop, "math_" + fn, {float_arg(hop, args[0])}, true);
  }
  if (fn == "fabs") {
    expect_count(hop, name, args, 1, 1);
    hop.exception_cannot_occur();
    return llops.genop("float_abs", {float_arg(hop, args[0])}, &Float);
  }
  if (fn == "isnan" || fn == "isinf" || fn == "isfinite") {
    expect_count(hop, name, args, 1, 1);
    hop.exception_cannot_occur();
    Value* x = float_arg(hop, args[0]);
    if (fn == "isnan") return llops.genop("float_ne", {x, x}, &Bool);  // only nan differs from itself
    Value* inf = llops.constant(std::numeric_limits<double>::infinity(), &Float);
    Value* a = llops.genop("float_abs", {x}, &Float);
    return llops.genop(fn == "isinf" ? "float_eq" : "float_lt", {a, inf}, &Bool);  // nan < inf is false
  }
  if (fn == "frexp" || fn == "modf") {
    expect_count(hop, name, args, 1, 1);
    auto* tr = dynamic_cast<TupleRepr*>(hop.r_result);
    if (!tr || tr->items().size() != 2) hop.fail(name + "() must give a pair here");
    hop.exception_cannot_occur();
    Value* x = float_arg(hop, args[0]);
    Value* first = llops.call_helper(fn == "frexp" ? "math_frexp_mantissa" : "math_modf_fraction", {x});
    Value* second = llops.call_helper(fn == "frexp" ? "math_frexp_exponent" : "math_modf_integer", {x});
    return tr->make(llops, {first, second});
  }
  hop.fail("the builtin " + name + "() has no low-level implementation yet");
}

Value* rtype_time(Hop& hop, const std::string& fn, const std::vector<size_t>& args) {
  std::string name = "time." + fn;
  if (fn == "sleep") {
    expect_count(hop, name, args, 1, 1);
    call_maybe_raising(hop, "time_sleep", {float_arg(hop, args[0])}, true);
    return nullptr;
  }
  expect_count(hop, name, args, 0, 0);
  hop.exception_cannot_occur();
  if (fn == "time") return hop.llops.call_helper("time_time", {});
  if (fn == "perf_counter" || fn == "monotonic") return hop.llops.call_helper("time_clock", {});
  if (fn == "process_time") return hop.llops.call_helper("time_process_time", {});
  hop.fail("the builtin " + name + "() has no low-level implementation yet");
}

Value* rtype_sys(Hop& hop, const std::string& fn, const std::vector<size_t>& args) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  std::string name = "sys." + fn;
  if (fn == "exit") {
    expect_count(hop, name, args, 0, 1);
    rtype_sys_exit(hop, args);
    return nullptr;
  }
  if (fn == "stdout.write" || fn == "stderr.write") {
    expect_count(hop, name, args, 1, 1);
    Value* s = hop.arg(args[0], rtyper.getrepr(annotator::s_str()));
    if (fn == "stdout.write") {
      hop.exception_is_here();
      llops.call_helper("print_str", {s});
    } else {
      hop.exception_cannot_occur();
      llops.call_helper("print_stderr", {s});
    }
    if (hop.r_result->is_void()) return nullptr;
    return llops.genop("str_len", {s}, &Signed);
  }
  if (fn == "stdout.flush") {
    hop.exception_is_here();
    llops.call_helper("print_flush", {});
    return nullptr;
  }
  if (fn == "stderr.flush") {  // stderr is unbuffered
    hop.exception_cannot_occur();
    return nullptr;
  }
  hop.fail("the builtin " + name + "() has no low-level implementation yet");
}

}  // namespace

bool is_module_function(const std::string& name) {
  return name.starts_with("math.") || name.starts_with("time.") || name.starts_with("sys.") || name == "os.isatty";
}

Value* rtype_module_function(Hop& hop, const std::string& name, const std::vector<size_t>& positional) {
  size_t dot = name.find('.');
  std::string module = name.substr(0, dot);
  std::string fn = name.substr(dot + 1);
  if (module == "math") return rtype_math(hop, fn, positional);
  if (module == "time") return rtype_time(hop, fn, positional);
  if (module == "sys") return rtype_sys(hop, fn, positional);
  if (name == "os.isatty") {
    expect_count(hop, name, positional, 1, 1);
    hop.exception_cannot_occur();
    return hop.llops.call_helper("os_isatty", {hop.arg(positional[0], signed_repr(hop.rtyper))});
  }
  hop.fail("the builtin " + name + "() has no low-level implementation yet");
}

}  // namespace rpp::rtyper
